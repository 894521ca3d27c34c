import type { SiteMapLink, SiteMapSection } from "@/components/site/site-map";
import { loadSectorCards, loadStudios, loadTowns } from "@/db/queries/directory/cached";
import { listNewsColumns } from "@/db/queries/news/cached";
import { messages } from "@/lib/messages";
import { siteMessages } from "@/lib/messages/site";
import { newsListHref } from "@/lib/news/rules";

const nav = messages.nav;
const f = siteMessages.footer;

/**
 * The site's sections as the 网站地图 lists them: the public routes (the header's sections,
 * search and the registration lookup), each with its directory read from the database.
 */
export async function siteMapSections(): Promise<SiteMapSection[]> {
  const [columns, sectors, studios, towns] = await Promise.all([
    listNewsColumns(),
    loadSectorCards(),
    loadStudios(),
    loadTowns(),
  ]);
  return [
    { href: "/", label: nav.home },
    {
      href: "/news",
      label: nav.news,
      children: columns.map((c) => ({ href: newsListHref(c.slug), label: c.name })),
    },
    { href: "/events", label: nav.events },
    {
      href: "/sectors",
      label: nav.sectors,
      children: sectors.map((s) => ({ href: `/sectors/${s.slug}`, label: s.name })),
    },
    {
      href: "/studios",
      label: nav.studios,
      children: studios.map((s) => ({ href: `/studios/${s.slug}`, label: s.name })),
    },
    {
      href: "/towns",
      label: nav.towns,
      children: towns.map((t) => ({ href: `/towns#town-${t.slug}`, label: t.name })),
    },
    { href: "/cases", label: nav.cases },
    { href: "/opinions", label: nav.opinions },
    { href: "/stats", label: nav.stats },
    { href: "/search", label: messages.search.title },
    { href: "/registrations", label: messages.attendance.lookup.heading },
  ];
}

/** The site's own pages: statements, the sitemap for search engines, sign-in. */
export const siteMapAbout: SiteMapLink[] = [
  { href: "/privacy", label: f.privacy },
  { href: "/accessibility", label: f.accessibility },
  { href: "/login", label: siteMessages.sitemap.member },
];
