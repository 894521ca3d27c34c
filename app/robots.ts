import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/news/rules";

/** Crawl everything public; members' and staff's pages and the API are not for search engines. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // SITE_URL is read when the server runs, not when it was built.
  await connection();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/admin", "/member", "/api", "/search", "/registrations"],
    },
    sitemap: absoluteUrl(env.SITE_URL, "/sitemap.xml"),
  };
}
