import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { noteIdFrom } from "@/components/notes/form-lists";
import { NoteViewHeader } from "@/components/notes/note-header";
import { NoteDetails, NotePhotoGallery, NoteTimeline } from "@/components/notes/note-view";
import {
  getMemberNote,
  listMemberNotePhotos,
  listMemberNoteTimeline,
} from "@/db/queries/notes/member";
import { getCommitteeInfo } from "@/db/queries/settings";
import { notesMessages as m } from "@/lib/messages/notes";
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
  const tz = committee.timeZone;

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <NoteViewHeader
        note={note}
        submitted={query.submitted === "1" && note.status === "submitted"}
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-5">
          <NoteDetails note={note} timeZone={tz} />
          <NotePhotoGallery photos={photos} />
        </div>
        <NoteTimeline entries={timeline} timeZone={tz} office={m.office(committee.shortName)} />
      </div>
    </div>
  );
}
