import type { StaffNoteView } from "@/db/queries/pipeline/staff-note";
import { adminMessages } from "@/lib/messages/admin";
import { noteHistoryLabel } from "@/lib/messages/note-states";
import { formatDateTime } from "@/lib/time";
import { AdminStatusBadge } from "./status-badge";

const m = adminMessages;

/** 办理经过: every move of the note, oldest first, as its author also sees it. */
export function NoteTimeline({
  timeline,
  timeZone,
}: {
  timeline: StaffNoteView["timeline"];
  timeZone: string;
}) {
  if (timeline.length === 0) return <p className="text-muted">{m.note.timelineEmpty}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-stone-200 pl-5">
      {timeline.map((entry) => (
        <li key={entry.id} className="relative">
          <span
            aria-hidden="true"
            className="absolute -left-[1.72rem] top-1.5 size-3 rounded-full border-2 border-white bg-brand-700"
          />
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{noteHistoryLabel(entry)}</span>
            <AdminStatusBadge status={entry.toStatus} />
            <time className="text-sm text-muted" dateTime={entry.at.toISOString()}>
              {formatDateTime(entry.at, timeZone)}
            </time>
          </p>
          {entry.reason && (
            <p className="mt-1 whitespace-pre-line rounded bg-stone-50 px-3 py-2 text-[15px]">
              {entry.reason}
            </p>
          )}
          <p className="mt-0.5 text-sm text-muted">{m.note.by(entry.actorName ?? m.note.system)}</p>
        </li>
      ))}
    </ol>
  );
}
