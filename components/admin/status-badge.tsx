import { statusTone } from "@/components/notes/status-badge";
import { adminMessages as m } from "@/lib/messages/admin";
import type { NoteStatus } from "@/lib/notes/workflow";

/** A note's status for staff: the same words (lib/messages/note-states.ts) and colours as the member area. */
export function AdminStatusBadge({ status }: { status: NoteStatus }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusTone[status]}`}
    >
      {m.statuses[status]}
    </span>
  );
}
