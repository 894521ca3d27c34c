import type { FormAction } from "@/components/admin/form-action";
import type { StaffNoteView } from "@/db/queries/pipeline/staff-note";
import type { StaffNoteMoves } from "@/lib/pipeline/moves";
import { NoteComments, NoteLinks, NoteReview } from "./note-aside";
import { NoteTransfers } from "./note-transfers";

export interface StaffNoteActions {
  review: FormAction;
  transfer: FormAction;
  answer: FormAction;
  satisfaction: FormAction;
  comment: FormAction;
}

/** The note page's second column: review, transfers and answers, remarks, where it went. */
export function NoteSide({
  note,
  may,
  today,
  timeZone,
  templates,
  departments,
  permalink,
  actions,
}: {
  note: StaffNoteView;
  may: StaffNoteMoves & { comment: boolean; linkTopics: boolean; linkProposals: boolean };
  today: string;
  timeZone: string;
  templates: { id: number; title: string }[];
  departments: { id: number; name: string }[];
  permalink: string;
  actions: StaffNoteActions;
}) {
  return (
    <div className="space-y-5">
      <NoteReview
        note={note}
        may={may}
        templates={templates}
        permalink={permalink}
        action={actions.review}
      />
      <NoteTransfers
        note={note}
        today={today}
        timeZone={timeZone}
        may={may}
        departments={departments}
        templates={templates}
        permalink={permalink}
        actions={actions}
      />
      <NoteComments
        note={note}
        timeZone={timeZone}
        permalink={permalink}
        action={may.comment ? actions.comment : null}
      />
      <NoteLinks note={note} linkTopics={may.linkTopics} linkProposals={may.linkProposals} />
    </div>
  );
}
