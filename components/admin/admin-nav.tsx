"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface AdminNavSection {
  label: string;
  items: { href: string; label: string }[];
}

const isCurrent = (pathname: string, href: string) =>
  href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);

/**
 * The console's sections: a column on the desktop, a scrolling row on a phone. Only the
 * sections the user may open are passed in (the layout asks lib/permissions.ts).
 */
export function AdminNav({ label, sections }: { label: string; sections: AdminNavSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="lg:sticky lg:top-4">
      <ul className="flex gap-1 overflow-x-auto whitespace-nowrap px-2 py-2 lg:flex-col lg:gap-4 lg:overflow-visible lg:whitespace-normal lg:p-0">
        {sections.map((section) => (
          <li key={section.label} className="contents lg:block">
            <p className="hidden px-3 pb-1 text-xs font-semibold tracking-wider text-muted lg:block">
              {section.label}
            </p>
            <ul className="contents lg:block lg:space-y-0.5">
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
    </nav>
  );
}
