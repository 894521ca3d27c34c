"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";

export interface AdminNavSection {
  label: string;
  items: { href: string; label: string }[];
}

const isCurrent = (pathname: string, href: string) =>
  href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);

/**
 * The console's sections: a column on the desktop; on a narrower screen a menu button
 * (naming the page being shown) that opens every section. Only the sections the user may
 * open are passed in (the layout asks lib/permissions.ts).
 */
export function AdminNav({
  label,
  menuLabel,
  sections,
}: {
  label: string;
  menuLabel: string;
  sections: AdminNavSection[];
}) {
  const pathname = usePathname();
  const here = sections
    .flatMap((section) => section.items)
    .find((item) => isCurrent(pathname, item.href));
  return (
    <nav aria-label={label} className="lg:sticky lg:top-4">
      <div className="hidden lg:block">
        <SectionList pathname={pathname} sections={sections} />
      </div>
      <DisclosureMenu
        className="px-2 lg:hidden"
        label={
          <span>
            {menuLabel}
            {here ? <span className="font-normal text-muted">：{here.label}</span> : null}
          </span>
        }
        summaryClassName="flex items-center gap-2 px-2 py-2.5 text-[15px] font-medium text-brand-800"
        panelClassName="pb-3"
      >
        <SectionList pathname={pathname} sections={sections} />
      </DisclosureMenu>
    </nav>
  );
}

/** The sections, each with its heading: a column on the desktop, a grid in the phone menu. */
function SectionList({ pathname, sections }: { pathname: string; sections: AdminNavSection[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:block lg:space-y-4">
      {sections.map((section) => (
        <li key={section.label}>
          <p className="px-3 pb-1 text-xs font-semibold tracking-wider text-muted">
            {section.label}
          </p>
          <ul className="grid grid-cols-2 gap-0.5 lg:block lg:space-y-0.5">
            {section.items.map((item) => {
              const active = isCurrent(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`block rounded-md px-3 py-1.5 text-[15px] ${
                      active
                        ? "bg-brand-700 font-semibold text-white"
                        : "text-ink hover:bg-brand-50 hover:text-brand-800"
                    }`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
