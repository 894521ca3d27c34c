import Link from "next/link";
import type { MemberNoteListItem } from "@/db/queries/notes/member";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import { isEditableByAuthor } from "@/lib/notes/workflow";
import { formatDate } from "@/lib/time";
import { StatusBadge } from "./status-badge";

/** "2026-05-18" (a calendar date) → "2026年5月18日". */
export function formatVisitDate(date: string): string {
  const [y, mo, d] = date.split("-").map(Number);
  return `${y}年${mo}月${d}日`;
}

/** The member's notes as cards: title, status, when and where, photos. */
export function NoteList({
  items,
  timeZone,
  headingLevel = 2,
}: {
  items: MemberNoteListItem[];
  timeZone: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-md border border-stone-200 bg-white shadow-sm">
      {items.map((note) => {
        const href = isEditableByAuthor(note.status)
          ? `/member/notes/${note.id}/edit`
          : `/member/notes/${note.id}`;
        return (
          <li key={note.id} className="relative p-4 hover:bg-paper sm:px-5">
            <div className="flex items-start justify-between gap-3">
              <Heading className="min-w-0 font-semibold leading-snug">
                <Link
                  href={href}
                  className="after:absolute after:inset-0 hover:text-brand-700 hover:underline"
                >
                  {note.title || <span className="text-muted">{m.list.untitled}</span>}
                </Link>
              </Heading>
              <StatusBadge status={note.status} />
            </div>
            <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
              {note.visitDate && (
                <span>
                  {m.list.visitDate} {formatVisitDate(note.visitDate)}
                </span>
              )}
              {note.townName && <span>{note.townName}</span>}
              {note.category && <span>{m.categories[note.category]}</span>}
              {note.photoCount > 0 && (
                <span>{fillNoteMessage(m.list.photos, { count: note.photoCount })}</span>
              )}
              <span>
                {note.submittedAt && note.status !== "draft"
                  ? `${m.list.submittedAt} ${formatDate(note.submittedAt, timeZone)}`
                  : `${m.list.updatedAt} ${formatDate(note.updatedAt, timeZone)}`}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
