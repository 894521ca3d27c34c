import { pipelineNoteMessages as m } from "../messages/pipeline/notes";
import { bulkNoteActions } from "../moderation";
import { availableActions, type NoteStatus } from "../notes/workflow";
import { formatDate } from "../time";
import type { NoteCategory, UserRole } from "../vocabulary";

/** One row of the queue's table, as the table shows it. */
export interface QueueTableRow {
  id: number;
  version: number;
  title: string;
  status: NoteStatus;
  authorName: string;
  category: string;
  town: string;
  submitted: string;
  overdue: boolean;
  /** Whether a bulk action may apply (the note is awaiting review). */
  selectable: boolean;
}

/** The queue's rows (as the query returns them) in words, for this member of staff. */
export function toQueueTableRows(
  rows: readonly {
    id: number;
    version: number;
    title: string;
    status: NoteStatus;
    authorName: string;
    category: NoteCategory | null;
    townName: string | null;
    submittedAt: Date | null;
    overdue: boolean;
  }[],
  role: UserRole,
  timeZone: string,
): QueueTableRow[] {
  const actor = role === "admin" ? "admin" : "editor";
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: row.title,
    status: row.status,
    authorName: row.authorName,
    category: row.category ? m.categories[row.category] : "—",
    town: row.townName ?? "—",
    submitted: row.submittedAt ? formatDate(row.submittedAt, timeZone) : "—",
    overdue: row.overdue,
    selectable: availableActions(row.status, actor).some((a) =>
      (bulkNoteActions as readonly string[]).includes(a),
    ),
  }));
}
