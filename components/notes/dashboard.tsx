import Link from "next/link";
import type { NoteStatusCounts } from "@/db/queries/notes/member";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import { noteStatuses } from "@/lib/notes/workflow";
import { statusTone } from "./status-badge";

/** This year's figures: notes filed, adopted, and the share adopted. */
export function YearFigures({
  year,
  filed,
  adopted,
}: {
  year: number;
  filed: number;
  adopted: number;
}) {
  const d = m.dashboard;
  const rate = filed > 0 ? `${Math.round((adopted / filed) * 100)}%` : "—";
  const figures = [
    { label: d.filed, value: String(filed), unit: d.unit },
    { label: d.adopted, value: String(adopted), unit: d.unit },
    { label: d.adoptionRate, value: rate, unit: "" },
  ];
  return (
    <section
      aria-labelledby="figures-title"
      className="rounded-md bg-gradient-to-br from-brand-700 to-brand-900 p-5 text-white shadow-sm"
    >
      <h2 id="figures-title" className="font-serif text-lg font-bold">
        {fillNoteMessage(d.figures, { year })}
      </h2>
      <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
        {figures.map((f) => (
          <div key={f.label} className="rounded bg-white/10 px-2 py-3">
            <dt className="text-sm text-brand-100">{f.label}</dt>
            <dd className="mt-1 font-serif text-3xl font-bold leading-none">
              {f.value}
              {f.unit && <span className="ml-0.5 text-sm font-normal">{f.unit}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One tile per status with its count; each opens the list filtered by it. */
export function StatusTiles({ counts }: { counts: NoteStatusCounts }) {
  return (
    <ul aria-label={m.dashboard.byStatusLabel} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {noteStatuses.map((status) => (
        <li key={status}>
          <Link
            href={`/member/notes?status=${status}`}
            className="flex items-center justify-between gap-2 rounded-md border border-stone-200 bg-white px-3 py-2.5 shadow-sm hover:border-brand-600"
          >
            <span
              className={`rounded px-1.5 py-0.5 text-sm font-medium ring-1 ring-inset ${statusTone[status]}`}
            >
              {m.statuses[status]}
            </span>
            <span className="font-serif text-2xl font-bold leading-none text-ink">
              {counts[status]}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function NewNoteButton({ className = "" }: { className?: string }) {
  return (
    <Link
      href="/member/notes/new"
      className={`inline-flex items-center justify-center gap-1.5 rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800 ${className}`}
    >
      <span aria-hidden="true" className="text-lg leading-none">
        ＋
      </span>
      {m.dashboard.newNote}
    </Link>
  );
}
