import Link from "next/link";
import type { ReactNode } from "react";
import { compactDateTime } from "@/lib/format";
import type { QueryValue, TabParam } from "@/lib/list-params";

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

/**
 * A list page's `tabs` from its tab parameter (`tabParam`): each tab links to the list's
 * address (`link`, a `listHref`) with that choice, back on page 1.
 */
export function listTabs<T extends string>(
  label: string,
  tab: TabParam<T>,
  labelOf: (choice: T) => string,
  link: (over?: Record<string, QueryValue>) => string,
): { label: string; items: TabItem[] } {
  const hrefOf = (c: T) => link({ [tab.name]: tab.param(c), page: null });
  return { label, items: choiceTabs(tab.choices, tab.current, labelOf, hrefOf) };
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
  hideBelow?: "sm" | "md" | "lg";
}

const hidden = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
} as const;

/**
 * Column builders for one table's row type (the lambdas are typed by it):
 * `const col = columnsFor<AuditRow>(timeZone)`, then `col.link(…)`, `col.time(…)`.
 */
export function columnsFor<Row>(timeZone: string) {
  return {
    /** The cell is the link that opens the row (usually the first column). */
    link: (
      header: ReactNode,
      link: (row: Row) => { href: string; text: ReactNode },
    ): Column<Row> => ({
      header,
      cell: (row) => {
        const { href, text } = link(row);
        return (
          <Link href={href} className={rowLinkClass}>
            {text}
          </Link>
        );
      },
    }),
    /** Instants, short and unbroken, in the committee's time zone ("" when none). */
    time: (header: ReactNode, at: (row: Row) => Date | null | undefined): Column<Row> => ({
      header,
      className: "whitespace-nowrap text-sm",
      cell: (row) => compactDateTime(at(row), timeZone),
    }),
  };
}

/**
 * A list's table: caption (its accessible name, read by `getByRole("table", { name })`),
 * a head from the column list, a row per item (keyed by `rowKey`, by default its `id`).
 * With `empty`, no rows render the empty state instead of the table.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  /** Typed by the rows (`NoInfer`): column builders like `linkColumn` take the row type from them. */
  columns: readonly Column<NoInfer<Row>>[];
  rows: readonly Row[];
  rowKey?: (row: Row) => string | number;
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  const keyOf = rowKey ?? ((row: Row) => (row as { id: string | number }).id);
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
            <tr key={keyOf(row)}>
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

/**
 * A titled part of a console page (a second list, a form under the list): a section named
 * by its h2. `boxed`: a white panel (a group of fields, a side form, account actions).
 * `className` adds spacing ("space-y-4", "mt-8").
 */
export function Section({
  id,
  title,
  boxed = false,
  className,
  children,
}: {
  /** The heading's id: the section is named by it. */
  id: string;
  title: ReactNode;
  boxed?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const frame = boxed ? "rounded-md border border-stone-300 bg-white p-4 sm:p-5" : "";
  return (
    <section
      aria-labelledby={id}
      className={[frame, className].filter(Boolean).join(" ") || undefined}
    >
      <h2
        id={id}
        className={`font-serif font-bold text-brand-800 ${boxed ? "text-lg" : "mb-3 text-xl"}`}
      >
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A boxed `Section`. */
export function Panel(props: Omit<Parameters<typeof Section>[0], "boxed">) {
  return <Section boxed {...props} />;
}
