import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { noteIdFrom } from "@/components/notes/form-lists";
import { NoteDetails, NotePhotoGallery, NoteTimeline } from "@/components/notes/note-view";
import { StatusBadge } from "@/components/notes/status-badge";
import { getMemberNote, listMemberNotePhotos, listMemberNoteTimeline } from "@/db/queries/notes";
import { getCommitteeInfo } from "@/db/queries/settings";
import { notesMessages as m } from "@/lib/messages/notes";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { requireUser } from "@/server/auth/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const noteId = noteIdFrom((await params).id);
  // The title is the member's own text: the page checks who may see it, the metadata
  // does not repeat that query.
  return { title: noteId ? `${m.list.title} #${noteId}` : m.list.title };
}

/** One of the member's notes: its content, photos and timeline (who, when, what, why). */
export default async function NotePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser({ roles: ["member"], next: `/member/notes/${id}` });
  const noteId = noteIdFrom(id);
  if (!noteId) notFound();
  const [note, photos, timeline, committee, query] = await Promise.all([
    getMemberNote(user.id, noteId),
    listMemberNotePhotos(user.id, noteId),
    listMemberNoteTimeline(user.id, noteId),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!note) notFound();
  const editable = isEditableByAuthor(note.status);
  const tz = committee.timeZone;

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <nav aria-label={m.view.back}>
        <Link href="/member/notes" className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true">‹ </span>
          {m.view.back}
        </Link>
      </nav>
      {query.submitted === "1" && note.status === "submitted" && (
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
        {editable && (
          <Link
            href={`/member/notes/${note.id}/edit`}
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {note.status === "returned" ? m.view.reviseAndResubmit : m.view.continueEditing}
          </Link>
        )}
      </header>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-5">
          <NoteDetails note={note} timeZone={tz} />
          <NotePhotoGallery photos={photos} />
        </div>
        <NoteTimeline entries={timeline} timeZone={tz} />
      </div>
    </div>
  );
}
