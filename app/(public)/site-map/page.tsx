import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteMap } from "@/components/site/site-map";
import { siteMessages } from "@/lib/messages/site";
import { siteMapAbout, siteMapSections } from "./sections";

const m = siteMessages.sitemap;

export const metadata: Metadata = { title: m.title, description: m.intro };

/** 网站地图 for people (the one for search engines is /sitemap.xml). */
export default async function SiteMapPage() {
  await connection();
  return <SiteMap sections={await siteMapSections()} about={siteMapAbout} />;
}
