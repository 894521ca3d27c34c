import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { siteMessages } from "@/lib/messages/site";

export interface SiteMapLink {
  href: string;
  label: string;
}

export interface SiteMapSection extends SiteMapLink {
  /** The section's directory (news columns, sectors, studios, towns), if it has one. */
  children?: SiteMapLink[];
}

const m = siteMessages.sitemap;

/** 网站地图: every section of the site, each with its directory, then the site's own pages. */
export function SiteMap({ sections, about }: { sections: SiteMapSection[]; about: SiteMapLink[] }) {
  return (
    <div className="space-y-6">
      <PageHeader trail={[{ label: m.title }]} title={m.title} intro={m.intro} />
      <nav aria-label={m.sections}>
        <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((section) => (
            <li
              key={section.href}
              className="rounded-sm border border-stone-200 bg-white px-5 py-4 shadow-sm"
            >
              <h2 className="font-serif text-lg font-bold">
                <Link href={section.href} className="text-brand-800 hover:underline">
                  {section.label}
                </Link>
              </h2>
              {section.children && section.children.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-[15px]">
                  {section.children.map((child) => (
                    <li key={child.href}>
                      <Link href={child.href} className="text-brand-700 hover:underline">
                        {child.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="site-map-about">
        <h2 id="site-map-about" className="font-serif text-lg font-bold">
          {m.about}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {about.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-brand-700 hover:underline">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
