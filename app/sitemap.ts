import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listSitemapEntries } from "@/db/queries/sitemap";
import { siteUrl } from "@/lib/site-url";

/** Every public page: fixed sections, articles, events, cases, sectors, studios and campaigns. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Built per request from the (cached) database, never at build time.
  await connection();
  const entries = await listSitemapEntries();
  const url = siteUrl;
  const newest = entries.articles[0]?.lastModified;
  return [
    { url: url("/"), changeFrequency: "daily", priority: 1, lastModified: newest },
    { url: url("/news"), changeFrequency: "daily", priority: 0.9, lastModified: newest },
    { url: url("/events"), changeFrequency: "daily", priority: 0.9 },
    { url: url("/sectors"), changeFrequency: "monthly", priority: 0.6 },
    { url: url("/studios"), changeFrequency: "monthly", priority: 0.6 },
    { url: url("/towns"), changeFrequency: "monthly", priority: 0.5 },
    { url: url("/cases"), changeFrequency: "weekly", priority: 0.7 },
    { url: url("/opinions"), changeFrequency: "weekly", priority: 0.6 },
    { url: url("/stats"), changeFrequency: "weekly", priority: 0.5 },
    ...entries.articles.map((a) => ({
      url: url(`/news/${encodeURIComponent(a.slug)}`),
      lastModified: a.lastModified,
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
    ...entries.events.map((e) => ({
      url: url(`/events/${e.id}`),
      lastModified: e.lastModified,
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
    ...entries.campaigns.map((slug) => ({
      url: url(`/campaigns/${encodeURIComponent(slug)}`),
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
    ...entries.cases.map((c) => ({
      url: url(`/cases/${c.id}`),
      lastModified: c.lastModified,
      changeFrequency: "monthly" as const,
      priority: 0.6,
    })),
    ...entries.sectors.map((slug) => ({
      url: url(`/sectors/${encodeURIComponent(slug)}`),
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
    ...entries.studios.map((slug) => ({
      url: url(`/studios/${encodeURIComponent(slug)}`),
      changeFrequency: "monthly" as const,
      priority: 0.4,
    })),
  ];
}
