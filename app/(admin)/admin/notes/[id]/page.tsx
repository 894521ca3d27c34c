import { notFound } from "next/navigation";
import { NoteBody, NoteHeader, NoteSide } from "@/components/pipeline/note";
import { listAnswerTemplates } from "@/db/queries/pipeline/answer-templates";
import { listDepartments } from "@/db/queries/pipeline/departments";
import { getStaffNote } from "@/db/queries/pipeline/staff-note";
import { adminMessages } from "@/lib/messages/admin";
import { can } from "@/lib/permissions";
import { staffNoteMoves } from "@/lib/pipeline/moves";
import { committeeToday, staffPageTitle } from "@/server/action";
import { openRecord, type RecordPageProps } from "../../record-page";
import { staffNoteActions } from "../note-actions";

export const generateMetadata = staffPageTitle(adminMessages.queue.title);

/** One note in full, with what this user may do to it: review, transfer, answers, remarks. */
export default async function StaffNotePage(props: RecordPageProps<{ done?: string | string[] }>) {
  const { id, query, permalink, user } = await openRecord(props, "/admin/notes", "note.review");
  const [{ timeZone, today }, note] = await Promise.all([committeeToday(), getStaffNote(user, id)]);
  if (!note || !can(user, "note.view", note.target)) notFound();
  const may = {
    ...staffNoteMoves(user, note),
    comment: can(user, "note.comment", note.target),
    linkTopics: can(user, "research.manage"),
    linkProposals: can(user, "proposal.manage"),
  };
  const [templates, departments] = await Promise.all([
    may.direct.length > 0 || may.answer ? listAnswerTemplates() : [],
    may.transfer ? listDepartments({ today, activeOnly: true }) : [],
  ]);
  return (
    <>
      <NoteHeader note={note} done={query.done} />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <NoteBody note={note} timeZone={timeZone} />
        <NoteSide
          note={note}
          may={may}
          today={today}
          timeZone={timeZone}
          templates={templates.map((t) => ({ id: t.id, title: t.title }))}
          departments={departments.map((d) => ({ id: d.id, name: d.name }))}
          permalink={permalink}
          actions={staffNoteActions}
        />
      </div>
    </>
  );
}
