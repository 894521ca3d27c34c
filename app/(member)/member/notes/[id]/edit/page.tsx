import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { noteIdFrom, toFormLists } from "@/components/notes/form-lists";
import { NoteForm } from "@/components/notes/note-form";
import { NoteFormHeader } from "@/components/notes/note-header";
import { getNoteFormOptions } from "@/db/queries/notes/choices";
import {
  getMemberNote,
  listMemberNotePhotos,
  listMemberNoteTimeline,
} from "@/db/queries/notes/member";
import { getCommitteeInfo } from "@/db/queries/settings";
import { idleForm } from "@/lib/form-state";
import { notesMessages as m } from "@/lib/messages/notes";
import { noteValuesFromData } from "@/lib/notes/fields";
import type { NoteFormState } from "@/lib/notes/form-state";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { localDateKey } from "@/lib/time";
import { requireUser } from "@/server/auth/session";
import { noteFormActions } from "../../form-actions";

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
    ...idleForm({ ...noteValuesFromData(note), clientId: note.clientId }),
    result: { photos, status: note.status, noteId: note.id },
  };
  const today = localDateKey(now, committee.timeZone);

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <NoteFormHeader note={note} saved={query.saved === "1"} reason={reason ?? null} />
      <NoteForm
        actions={noteFormActions}
        initialState={initialState}
        permalink={`/member/notes/${note.id}/edit`}
        lists={toFormLists(options, committee.timeZone)}
        today={today}
        timeZone={committee.timeZone}
        device={{ userId: user.id, isNew: false }}
        resubmission={returned}
      />
    </div>
  );
}
