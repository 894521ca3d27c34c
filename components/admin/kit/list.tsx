import Link from "next/link";
import type { ReactNode } from "react";

/** The pieces of a console list: tabs, notices, badges, a table from a column list, its empty state. */

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

export type BadgeTone = keyof typeof badgeTone;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${badgeTone[tone]}`}
    >
      {children}
    </span>
  );
}

export interface TabItem {
  href: string;
  label: string;
  current: boolean;
  count?: number;
}

/** Tabs that are links (?status=…), the current one marked for assistive technology. */
export function LinkTabs({ label, items }: { label: string; items: readonly TabItem[] }) {
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
 * Tab items for a choice list: `href(choice)` links each (return the default choice's
 * address without the parameter), `current` is marked.
 */
export function choiceTabs<T extends string>(
  choices: readonly T[],
  current: T,
  label: (choice: T) => string,
  href: (choice: T) => string,
): TabItem[] {
  return choices.map((c) => ({ href: href(c), label: label(c), current: c === current }));
}

/** "Nothing here": a dashed box with one line. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
      {children}
    </p>
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

/** The classes of a link that opens a row (its first cell). */
export const rowLinkClass = "font-medium text-brand-800 hover:underline";

export interface Column<Row> {
  /** The column head: text, or an sr-only span for a column of checkboxes. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Extra classes of each cell ("whitespace-nowrap text-sm"). */
  className?: string;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
  /** Hidden on narrow screens below this breakpoint. */
  hideBelow?: "sm" | "md";
}

const hidden = { sm: "hidden sm:table-cell", md: "hidden md:table-cell" } as const;

/**
 * A list's table: caption (its accessible name, read by `getByRole("table", { name })`),
 * a head from the column list, a row per item. With `empty`, no rows render the empty
 * state instead of the table.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  const extra = (c: Column<Row>) =>
    [c.numeric ? "text-right" : "", c.hideBelow ? hidden[c.hideBelow] : ""]
      .filter(Boolean)
      .join(" ");
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ");
  return (
    <TableFrame label={caption}>
      <table className={tableClass.table}>
        <caption className={tableClass.caption}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per page
              <th key={i} scope="col" className={join(tableClass.th, extra(c))}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per page
                  key={i}
                  className={join(
                    tableClass.td,
                    extra(c),
                    c.numeric ? "tabular-nums" : "",
                    c.className,
                  )}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** A titled part of a console page (a second list, a form under the list). */
export function Section({
  id,
  title,
  className,
  children,
}: {
  /** The heading's id: the section is named by it. */
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-3 font-serif text-xl font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}
