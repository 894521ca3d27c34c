import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { toFormLists } from "@/components/notes/form-lists";
import { NoteForm } from "@/components/notes/note-form";
import { getNoteFormOptions } from "@/db/queries/notes/choices";
import { getCommitteeInfo } from "@/db/queries/settings";
import { idleForm } from "@/lib/form-state";
import { notesMessages as m } from "@/lib/messages/notes";
import { emptyNoteValues, type NoteFormState } from "@/lib/notes/form-state";
import { localDateKey } from "@/lib/time";
import { requireUser } from "@/server/auth/session";
import { noteFormActions } from "../form-actions";

export const metadata: Metadata = { title: m.form.newTitle };

/**
 * A new field note. The page gives the form a fresh client id; every save and the
 * submission carry it, so whatever is retried lands on this one note.
 */
export default async function NewNotePage() {
  const user = await requireUser({ roles: ["member"], next: "/member/notes/new" });
  const now = new Date();
  const [committee, options] = await Promise.all([getCommitteeInfo(), getNoteFormOptions(now)]);
  const today = localDateKey(now, committee.timeZone);
  const initialState: NoteFormState = {
    ...idleForm({
      ...emptyNoteValues({
        visitDate: today,
        sectorId: user.sectorId === null ? "" : String(user.sectorId),
      }),
      clientId: randomUUID(),
    }),
    result: { photos: [], status: null, noteId: null },
  };
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <header>
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">
          {m.form.newTitle}
        </h1>
        <p className="mt-2 text-muted">{m.form.intro}</p>
      </header>
      <NoteForm
        actions={noteFormActions}
        initialState={initialState}
        permalink="/member/notes/new"
        lists={toFormLists(options, committee.timeZone)}
        today={today}
        timeZone={committee.timeZone}
        device={{ userId: user.id, isNew: true }}
        resubmission={false}
      />
    </div>
  );
}
