/**
 * The life of a field note (走访记录), as one pure state machine. The member's
 * editor, the staff console and the database layer all ask it; nothing else
 * decides which move is allowed.
 *
 *   draft → submitted → (returned ↔ submitted) → accepted → transferred → answered → closed
 *                     ↘ rejected                 ↘ closed     ↖______________↙ (re-transfer)
 */
export const noteStatuses = [
  "draft",
  "submitted",
  "returned",
  "accepted",
  "transferred",
  "answered",
  "closed",
  "rejected",
] as const;
export type NoteStatus = (typeof noteStatuses)[number];

export const noteActions = [
  "submit",
  "return",
  "accept",
  "reject",
  "transfer",
  "answer",
  "close",
] as const;
export type NoteAction = (typeof noteActions)[number];

/** Who acts: the note's author, an editor whose scope covers it, or an admin. */
export type NoteActor = "author" | "editor" | "admin";

interface Move {
  from: readonly NoteStatus[];
  to: NoteStatus;
  by: readonly NoteActor[];
  /** A reason the author will read (why it was returned or rejected). */
  needsReason: boolean;
}

const MOVES: Record<NoteAction, Move> = {
  submit: { from: ["draft", "returned"], to: "submitted", by: ["author"], needsReason: false },
  return: { from: ["submitted"], to: "returned", by: ["editor", "admin"], needsReason: true },
  accept: { from: ["submitted"], to: "accepted", by: ["editor", "admin"], needsReason: false },
  reject: {
    from: ["submitted", "accepted"],
    to: "rejected",
    by: ["editor", "admin"],
    needsReason: true,
  },
  transfer: {
    from: ["accepted", "answered"],
    to: "transferred",
    by: ["admin"],
    needsReason: false,
  },
  answer: { from: ["transferred"], to: "answered", by: ["admin"], needsReason: false },
  close: { from: ["accepted", "answered"], to: "closed", by: ["admin"], needsReason: false },
};

export type TransitionResult =
  | { ok: true; to: NoteStatus }
  | { ok: false; code: "not_allowed_from_status" | "not_allowed_for_actor" | "reason_required" };

/** Whether `actor` may apply `action` to a note in `from`; and where it leads. */
export function transition(
  from: NoteStatus,
  action: NoteAction,
  actor: NoteActor,
  reason?: string | null,
): TransitionResult {
  const move = MOVES[action];
  if (!move.by.includes(actor)) return { ok: false, code: "not_allowed_for_actor" };
  if (!move.from.includes(from)) return { ok: false, code: "not_allowed_from_status" };
  if (move.needsReason && !reason?.trim()) return { ok: false, code: "reason_required" };
  return { ok: true, to: move.to };
}

/** The moves open to `actor` on a note in `from`, for buttons and bulk actions. */
export function availableActions(from: NoteStatus, actor: NoteActor): NoteAction[] {
  return noteActions.filter((action) => {
    const move = MOVES[action];
    return move.by.includes(actor) && move.from.includes(from);
  });
}

export function actionNeedsReason(action: NoteAction): boolean {
  return MOVES[action].needsReason;
}

/** The author may change the note's content only before staff have it, or when it came back. */
export function isEditableByAuthor(status: NoteStatus): boolean {
  return status === "draft" || status === "returned";
}

/** Counted as adopted (采纳) in figures and duty records. */
export function isAdopted(status: NoteStatus): boolean {
  return (
    status === "accepted" ||
    status === "transferred" ||
    status === "answered" ||
    status === "closed"
  );
}
