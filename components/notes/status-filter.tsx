import Link from "next/link";
import type { NoteStatusCounts } from "@/db/queries/notes/member";
import { notesMessages as m } from "@/lib/messages/notes";
import { type NoteStatus, noteStatuses } from "@/lib/notes/workflow";

/** Tabs as links: all notes, then each status that has notes (and the one chosen). */
export function StatusFilter({
  counts,
  current,
}: {
  counts: NoteStatusCounts;
  current: NoteStatus | null;
}) {
  const total = noteStatuses.reduce((sum, s) => sum + counts[s], 0);
  const tabs = [
    {
      key: "all",
      href: "/member/notes",
      label: m.list.all,
      count: total,
      active: current === null,
    },
    ...noteStatuses
      .filter((s) => counts[s] > 0 || s === current)
      .map((s) => ({
        key: s,
        href: `/member/notes?status=${s}`,
        label: m.statuses[s],
        count: counts[s],
        active: current === s,
      })),
  ];
  return (
    <nav aria-label={m.list.filterLabel}>
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {tabs.map((tab) => (
          <li key={tab.key} className="shrink-0">
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full border px-3.5 py-1.5 text-[15px] ${
                tab.active
                  ? "border-brand-700 bg-brand-700 font-semibold text-white"
                  : "border-stone-300 bg-white text-ink hover:border-brand-600 hover:text-brand-700"
              }`}
            >
              {tab.label}
              <span
                className={`rounded-full px-1.5 text-xs ${tab.active ? "bg-white/20" : "bg-stone-100 text-stone-700"}`}
              >
                {tab.count}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Previous and next page as links, with "第2页，共5页". */
export function ListPager({
  page,
  pages,
  status,
}: {
  page: number;
  pages: number;
  status: NoteStatus | null;
}) {
  if (pages <= 1) return null;
  const href = (n: number) => {
    const query = new URLSearchParams();
    if (status) query.set("status", status);
    if (n > 1) query.set("page", String(n));
    const text = query.toString();
    return text ? `/member/notes?${text}` : "/member/notes";
  };
  const link =
    "rounded border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600 hover:text-brand-700";
  return (
    <nav aria-label={m.list.pagination} className="mt-6 flex items-center justify-center gap-3">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={link}>
          <span aria-hidden="true">‹ </span>
          {m.list.previous}
        </Link>
      )}
      <span className="text-sm text-muted">
        {m.list.pageOf.replace("{page}", String(page)).replace("{pages}", String(pages))}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} rel="next" className={link}>
          {m.list.next}
          <span aria-hidden="true"> ›</span>
        </Link>
      )}
    </nav>
  );
}
