import Link from "next/link";
import type { MemberNote } from "@/db/queries/notes/member";
import { notesMessages as m } from "@/lib/messages/notes";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { StatusBadge } from "./status-badge";

/** The way back to the member's list of notes. */
export function BackToNotes() {
  return (
    <nav aria-label={m.view.back}>
      <Link href="/member/notes" className="text-sm text-brand-700 hover:underline">
        <span aria-hidden="true">‹ </span>
        {m.view.back}
      </Link>
    </nav>
  );
}

/** A note's page head: back link, "submitted" banner, title, status and what to do next. */
export function NoteViewHeader({ note, submitted }: { note: MemberNote; submitted: boolean }) {
  return (
    <>
      <BackToNotes />
      {submitted && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900"
        >
          {m.view.submittedBanner}
        </p>
      )}
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 font-serif text-2xl font-bold leading-snug text-ink sm:text-3xl">
            {note.title || m.list.untitled}
          </h1>
          <StatusBadge status={note.status} className="mt-1.5 text-sm" />
        </div>
        <p className="text-muted">{m.statusHints[note.status]}</p>
        {isEditableByAuthor(note.status) && (
          <Link
            href={`/member/notes/${note.id}/edit`}
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {note.status === "returned" ? m.view.reviseAndResubmit : m.view.continueEditing}
          </Link>
        )}
      </header>
    </>
  );
}

/** The form's page head: back link, title and status, "saved" banner, staff's reason to revise. */
export function NoteFormHeader({
  note,
  saved,
  reason,
}: {
  note: Pick<MemberNote, "status">;
  saved: boolean;
  /** Why staff returned the note, when they did. */
  reason: string | null;
}) {
  return (
    <>
      <BackToNotes />
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">
            {note.status === "returned" ? m.form.returnedTitle : m.form.editTitle}
          </h1>
          <StatusBadge status={note.status} />
        </div>
        <p className="mt-2 text-muted">{m.statusHints[note.status]}</p>
      </header>
      {saved && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900"
        >
          {m.form.savedBanner}
        </p>
      )}
      {reason && (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          <p className="font-semibold">{m.form.returnedReason}</p>
          <p className="mt-1 whitespace-pre-line">{reason}</p>
        </div>
      )}
    </>
  );
}
