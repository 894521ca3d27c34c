import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/lib/site-url";

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
    sitemap: siteUrl("/sitemap.xml"),
  };
}
