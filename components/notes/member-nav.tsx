"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { notesMessages as m } from "@/lib/messages/notes";

export interface MemberNavItem {
  href: string;
  label: string;
}

/** The member area's own links; the page being shown is marked for screen readers too. */
export function MemberNavLinks({ items }: { items: MemberNavItem[] }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/member"
      ? pathname === "/member"
      : href === "/member/notes"
        ? pathname === "/member/notes" ||
          (pathname.startsWith("/member/notes/") && pathname !== "/member/notes/new")
        : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={m.area.nav} className="min-w-0 flex-1">
      <ul className="-mb-px flex overflow-x-auto whitespace-nowrap text-[15px]">
        {items.map((item) => {
          const active = current(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block border-b-[3px] px-3 py-3 font-medium sm:px-4 ${
                  active
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-ink hover:border-stone-300 hover:text-brand-700"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
