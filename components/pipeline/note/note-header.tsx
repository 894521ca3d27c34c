import { AdminStatusBadge } from "@/components/admin/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import type { StaffNoteView } from "@/db/queries/pipeline/staff-note";
import { adminMessages } from "@/lib/messages/admin";

const m = adminMessages.note;

/** The note's title, status and version, and what the last move did (`?done=…`). */
export function NoteHeader({
  note,
  done: doneParam,
}: {
  note: StaffNoteView;
  done: string | string[] | undefined;
}) {
  const words = adminMessages.actionDone;
  const done =
    typeof doneParam === "string" && Object.hasOwn(words, doneParam)
      ? words[doneParam as keyof typeof words]
      : null;
  return (
    <>
      <PageHeader
        title={note.title || adminMessages.queue.untitled}
        back={{ href: "/admin/notes", label: m.back }}
      />
      <p
        data-testid="note-status"
        className="-mt-3 mb-5 flex items-center gap-3 text-sm text-muted"
      >
        <span className="sr-only">{m.status}</span>
        <AdminStatusBadge status={note.status} />
      </p>
      {done && (
        <p
          role="status"
          className="mb-5 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          {done}
        </p>
      )}
    </>
  );
}
