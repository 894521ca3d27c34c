import Link from "next/link";
import type { ReactNode } from "react";
import { cmsMessages } from "@/lib/messages/cms";

/** Pieces every page of the content console uses: its header, notices, badges, pagination. */

const m = cmsMessages.common;

export function AdminPageHeader({
  title,
  intro,
  actions,
  back,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <header className="mb-6 border-b border-stone-300 pb-4">
      {back && (
        <p className="mb-2 text-sm">
          <Link href={back.href} className="text-brand-700 hover:underline">
            <span aria-hidden="true">‹ </span>
            {back.label}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{title}</h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {intro && <p className="mt-2 max-w-3xl text-[15px] text-muted">{intro}</p>}
    </header>
  );
}

/** A confirmation after a redirect (?done=…): announced politely, not an alarm. */
export function Notice({
  children,
  tone = "success",
}: {
  children: ReactNode;
  tone?: "success" | "error";
}) {
  if (!children) return null;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`mb-5 rounded-md border px-4 py-3 ${
        tone === "error"
          ? "border-brand-200 bg-brand-50 text-brand-900"
          : "border-emerald-300 bg-emerald-50 text-emerald-900"
      }`}
    >
      {children}
    </div>
  );
}

const badgeTone = {
  neutral: "bg-stone-100 text-stone-800 ring-stone-300",
  good: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  warn: "bg-amber-50 text-amber-900 ring-amber-300",
  bad: "bg-brand-50 text-brand-900 ring-brand-200",
  info: "bg-sky-50 text-sky-900 ring-sky-300",
} as const;

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: keyof typeof badgeTone;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${badgeTone[tone]}`}
    >
      {children}
    </span>
  );
}

/** Previous / next links (plain GET, so the filters stay in the URL). */
export function Pager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const p = m.pagination;
  return (
    <nav aria-label={p.label} className="mt-5 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link
          href={href(page - 1)}
          className="rounded border border-stone-400 bg-white px-3 py-1.5 hover:bg-stone-100"
          rel="prev"
        >
          <span aria-hidden="true">‹ </span>
          {p.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{p.status(page, pages)}</span>
      {page < pages ? (
        <Link
          href={href(page + 1)}
          className="rounded border border-stone-400 bg-white px-3 py-1.5 hover:bg-stone-100"
          rel="next"
        >
          {p.next}
          <span aria-hidden="true"> ›</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Tabs that are links (?status=…), the current one marked for assistive technology. */
export function LinkTabs({
  label,
  items,
}: {
  label: string;
  items: { href: string; label: string; current: boolean; count?: number }[];
}) {
  return (
    <nav aria-label={label} className="mb-4 overflow-x-auto">
      <ul className="flex gap-1 border-b border-stone-300 whitespace-nowrap">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 text-[15px] ${
                item.current
                  ? "border-brand-700 font-semibold text-brand-800"
                  : "border-transparent text-ink hover:border-stone-400"
              }`}
            >
              {item.label}
              {item.count !== undefined && (
                <span className="ml-1 text-sm text-muted">({item.count})</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A table that scrolls sideways on a phone instead of squeezing its columns. A scrollable
 * area must be reachable by keyboard (axe: scrollable-region-focusable), hence the tab
 * stop; it is a named group, not a landmark, so pages with several tables stay tidy.
 */
export function TableFrame({ children, label }: { children: ReactNode; label: string }) {
  const scrollable = { role: "group", tabIndex: 0, "aria-label": label } as const;
  return (
    <div {...scrollable} className="overflow-x-auto rounded-md border border-stone-300 bg-white">
      {children}
    </div>
  );
}

export const tableClass = {
  table: "w-full min-w-[40rem] border-collapse text-left text-[15px]",
  caption: "sr-only",
  th: "border-b border-stone-300 bg-stone-50 px-3 py-2 text-sm font-semibold text-ink",
  td: "border-b border-stone-200 px-3 py-2 align-top",
} as const;

/** "page" search parameter → a page number ≥ 1 (anything odd is page 1). */
export function pageParam(raw: string | string[] | undefined): number {
  if (typeof raw !== "string" || !/^[1-9]\d{0,4}$/.test(raw)) return 1;
  return Number(raw);
}

/** A single-valued search parameter, trimmed and cut to `max` characters. */
export function textParam(raw: string | string[] | undefined, max = 100): string {
  return typeof raw === "string" ? raw.trim().slice(0, max) : "";
}

/** A query string from the non-empty entries (for links that keep the filters). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "" && !(key === "page" && value === 1)) {
      search.set(key, String(value));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
