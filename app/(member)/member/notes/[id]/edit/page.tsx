import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { noteIdFrom, toFormLists } from "@/components/notes/form-lists";
import { NoteForm } from "@/components/notes/note-form";
import { StatusBadge } from "@/components/notes/status-badge";
import {
  getMemberNote,
  getNoteFormOptions,
  listMemberNotePhotos,
  listMemberNoteTimeline,
} from "@/db/queries/notes";
import { getCommitteeInfo } from "@/db/queries/settings";
import { notesMessages as m } from "@/lib/messages/notes";
import { noteValuesFromData } from "@/lib/notes/fields";
import type { NoteFormState } from "@/lib/notes/form-state";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { localDateKey } from "@/lib/time";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: m.form.editTitle };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A draft, or a note staff returned, in the form again. Anything else is read-only. */
export default async function EditNotePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser({ roles: ["member"], next: `/member/notes/${id}/edit` });
  const noteId = noteIdFrom(id);
  if (!noteId) notFound();
  const [note, committee, query] = await Promise.all([
    getMemberNote(user.id, noteId),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!note) notFound();
  if (!isEditableByAuthor(note.status)) redirect(`/member/notes/${note.id}`);

  const now = new Date();
  const [photos, timeline, options] = await Promise.all([
    listMemberNotePhotos(user.id, note.id),
    listMemberNoteTimeline(user.id, note.id),
    getNoteFormOptions(now, note.eventId),
  ]);
  const returned = note.status === "returned";
  const reason = returned
    ? timeline.findLast((entry) => entry.toStatus === "returned")?.reason
    : null;
  const initialState: NoteFormState = {
    clientId: note.clientId,
    values: noteValuesFromData(note),
    fieldErrors: {},
    message: null,
    photos,
    status: note.status,
    noteId: note.id,
  };
  const today = localDateKey(now, committee.timeZone);

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <nav aria-label={m.view.back}>
        <Link href="/member/notes" className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true">‹ </span>
          {m.view.back}
        </Link>
      </nav>
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">
            {returned ? m.form.returnedTitle : m.form.editTitle}
          </h1>
          <StatusBadge status={note.status} />
        </div>
        <p className="mt-2 text-muted">{m.statusHints[note.status]}</p>
      </header>
      {query.saved === "1" && (
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
      <NoteForm
        initialState={initialState}
        permalink={`/member/notes/${note.id}/edit`}
        lists={toFormLists(options, committee.timeZone)}
        today={today}
        timeZone={committee.timeZone}
        resubmission={returned}
      />
    </div>
  );
}
