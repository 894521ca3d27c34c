import type { SessionUser } from "../auth/types";
import { type DirectNoteAction, directNoteActions } from "../moderation";
import { availableActions, type NoteStatus } from "../notes/workflow";
import { can, type NoteTarget, noteActorFor } from "../permissions";

export interface StaffNoteMoves {
  /** The buttons of the review form (return, accept, reject, close) this user may press. */
  direct: DirectNoteAction[];
  transfer: boolean;
  answer: boolean;
  /** Record or change the member's satisfaction with an answer. */
  satisfaction: boolean;
}

/** What this member of staff may do to the note now: the state machine and the permissions. */
export function staffNoteMoves(
  user: SessionUser,
  note: { status: NoteStatus; target: NoteTarget },
): StaffNoteMoves {
  const actor = noteActorFor(user, note.target);
  const moves = actor ? availableActions(note.status, actor) : [];
  return {
    direct: moves.filter((a): a is DirectNoteAction =>
      (directNoteActions as readonly string[]).includes(a),
    ),
    transfer: moves.includes("transfer") && can(user, "note.transfer", note.target),
    answer: moves.includes("answer") && can(user, "note.answer", note.target),
    satisfaction: can(user, "note.answer", note.target),
  };
}
