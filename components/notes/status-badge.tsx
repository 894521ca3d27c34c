import { notesMessages as m } from "@/lib/messages/notes";
import type { NoteStatus } from "@/lib/notes/workflow";

/** Colours by where the note stands: with the author, with staff, done well, done otherwise. */
export const statusTone: Record<NoteStatus, string> = {
  draft: "bg-stone-100 text-stone-700 ring-stone-300",
  submitted: "bg-sky-50 text-sky-800 ring-sky-200",
  returned: "bg-amber-50 text-amber-800 ring-amber-300",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  transferred: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  answered: "bg-teal-50 text-teal-800 ring-teal-200",
  closed: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  rejected: "bg-stone-200 text-stone-800 ring-stone-400",
};

export function StatusBadge({
  status,
  className = "",
}: {
  status: NoteStatus;
  className?: string;
}) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusTone[status]} ${className}`}
    >
      {m.statuses[status]}
    </span>
  );
}
