"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
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
  const here = items.find((item) => current(item.href));
  const link = (item: MemberNavItem, layout: string) => {
    const active = current(item.href);
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={active ? "page" : undefined}
          className={`block font-medium ${layout} ${
            active
              ? "border-brand-700 text-brand-800"
              : "border-transparent text-ink hover:border-stone-300 hover:text-brand-700"
          }`}
        >
          {item.label}
        </Link>
      </li>
    );
  };
  // A desktop shows the sections as tabs; a narrower screen folds them into a menu button
  // that names the page being shown.
  return (
    <nav aria-label={m.area.nav} className="min-w-0 flex-1">
      <ul className="-mb-px hidden flex-wrap text-[15px] lg:flex">
        {items.map((item) => link(item, "border-b-[3px] px-4 py-3"))}
      </ul>
      <DisclosureMenu
        className="lg:hidden"
        label={
          <span>
            {m.area.menu}
            {here ? <span className="font-normal text-muted">：{here.label}</span> : null}
          </span>
        }
        summaryClassName="flex items-center gap-2 px-2 py-3 text-[15px] font-medium text-brand-800"
        panelClassName="pb-2"
      >
        <ul className="grid grid-cols-2 gap-x-2 text-[15px] sm:grid-cols-3">
          {items.map((item) => link(item, "border-l-[3px] px-3 py-2"))}
        </ul>
      </DisclosureMenu>
    </nav>
  );
}
