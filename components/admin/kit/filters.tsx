import type { ReactNode } from "react";
import { cmsCommonMessages } from "@/lib/messages/cms";
import { buttonClass } from "./fields";
import { HiddenFields } from "./hidden-fields";

/**
 * A list's filters: a plain GET form to the list's own address, so it works without
 * JavaScript and every view can be bookmarked. `keep` carries the parameters the form
 * does not show (the current tab); the count sits at the row's end.
 */
export function FilterForm({
  action,
  label,
  keep = {},
  count,
  reset,
  layout = "row",
  submitLabel = cmsCommonMessages.filter,
  after,
  children,
}: {
  action: string;
  /** The form's accessible name. */
  label: string;
  keep?: Record<string, string | number | null | undefined>;
  count?: ReactNode;
  /** "清除筛选": a link back to the unfiltered list. */
  reset?: { href: string; label?: string };
  /** "row": fields in a line; "panel": a boxed grid for many fields. */
  layout?: "row" | "panel";
  submitLabel?: string;
  /** After the fields, inside the form (a datalist). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const hidden = <HiddenFields values={keep} />;
  const controls = (
    <>
      <button type="submit" className={buttonClass.quiet}>
        {submitLabel}
      </button>
      {reset && (
        <a href={reset.href} className="text-sm text-brand-700 hover:underline">
          {reset.label ?? cmsCommonMessages.reset}
        </a>
      )}
      {count !== undefined && <p className="ml-auto text-sm text-muted">{count}</p>}
    </>
  );
  if (layout === "panel") {
    return (
      <form
        method="get"
        action={action}
        aria-label={label}
        className="mb-4 rounded-md border border-stone-300 bg-white p-4"
      >
        {hidden}
        {/* Each field fills its cell (never wider): in elder mode a long 界别 list once ran
            over the next field; there the panel keeps three to a row. */}
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 elder:lg:grid-cols-3 [&>*]:min-w-0 [&_input]:w-full [&_select]:w-full">
          {children}
        </div>
        {after}
        <div className="mt-3 flex flex-wrap items-center gap-3">{controls}</div>
      </form>
    );
  }
  return (
    <form
      method="get"
      action={action}
      className="mb-4 flex flex-wrap items-end gap-3"
      aria-label={label}
    >
      {hidden}
      {children}
      {after}
      {controls}
    </form>
  );
}

const filterInput = "mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5";

function FilterLabel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium">
      {children}
    </label>
  );
}

/** A choice among options, with "all" (the empty value) first. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  allLabel = cmsCommonMessages.all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  allLabel?: string;
  options: readonly { value: string | number; label: string }[];
}) {
  return (
    <div>
      <FilterLabel id={id}>{label}</FilterLabel>
      <select id={id} name={name} defaultValue={value} className={filterInput}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A keyword, a date or any typed filter; the hint is linked to the field. */
export function FilterInput({
  id,
  name,
  label,
  value,
  type = "search",
  maxLength,
  hint,
  list,
  placeholder,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  type?: "search" | "text" | "date";
  maxLength?: number;
  hint?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  placeholder?: string;
  /** Classes of the wrapper (a grid span). */
  className?: string;
}) {
  return (
    <div className={className}>
      <FilterLabel id={id}>{label}</FilterLabel>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        maxLength={maxLength}
        list={list}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={`${filterInput} w-full`}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

/** One select of a `ListFilter` ("all" first, unless `all` says otherwise). */
export interface SelectFilter {
  name: string;
  label: string;
  value: string;
  all?: string;
  options: readonly { value: string | number; label: string }[];
}

/**
 * The usual filter row of a console list: selects, then a keyword search, the count of
 * rows at the end, the tab kept (`keep`). Field ids are `<list>-<name>` ("news-q"), the
 * list being the last part of `action`.
 */
export function ListFilter({
  action,
  label,
  keep,
  total,
  selects = [],
  search,
}: {
  action: string;
  label: string;
  keep?: Record<string, string | number | null | undefined>;
  total: number;
  selects?: readonly SelectFilter[];
  search?: { label: string; value: string; maxLength: number };
}) {
  const idOf = (name: string) => `${action.split("/").pop()}-${name}`;
  return (
    <FilterForm action={action} label={label} keep={keep} count={cmsCommonMessages.count(total)}>
      {selects.map(({ all, ...s }) => (
        <FilterSelect key={s.name} id={idOf(s.name)} allLabel={all} {...s} />
      ))}
      {search && <FilterInput id={idOf("q")} name="q" {...search} />}
    </FilterForm>
  );
}
