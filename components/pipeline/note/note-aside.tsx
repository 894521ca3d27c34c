import Link from "next/link";
import type { FormAction } from "@/components/admin/form-action";
import { ui } from "@/components/admin/ui";
import type { StaffNoteView } from "@/db/queries/pipeline/staff-note";
import { adminMessages } from "@/lib/messages/admin";
import type { StaffNoteMoves } from "@/lib/pipeline/moves";
import { formatDateTime } from "@/lib/time";
import { CommentForm } from "../comment-form";
import { NoteReviewForm } from "../note-review-form";

const m = adminMessages.note;

/** The review buttons this user may press, or a word that there are none. */
export function NoteReview({
  note,
  may,
  templates,
  permalink,
  action,
}: {
  note: StaffNoteView;
  may: StaffNoteMoves;
  templates: { id: number; title: string }[];
  permalink: string;
  action: FormAction;
}) {
  const moves = may.direct;
  // Shown when there is a review to do, or nothing else either (then it says so).
  if (moves.length === 0 && (may.transfer || may.answer)) return null;
  return (
    <section aria-labelledby="review" className={ui.card}>
      <h2 id="review" className={`${ui.cardTitle} mb-3`}>
        {m.actionsTitle}
      </h2>
      {moves.length > 0 ? (
        <NoteReviewForm
          action={action}
          noteId={note.id}
          version={note.version}
          actions={moves}
          templates={templates}
          permalink={permalink}
        />
      ) : (
        <p className="text-muted">{m.noActions}</p>
      )}
    </section>
  );
}

/** Internal remarks: staff only, never shown to the member. */
export function NoteComments({
  note,
  timeZone,
  permalink,
  action,
}: {
  note: StaffNoteView;
  timeZone: string;
  permalink: string;
  /** Absent when this user may not comment. */
  action: FormAction | null;
}) {
  return (
    <section aria-labelledby="comments" className={ui.card}>
      <h2 id="comments" className={ui.cardTitle}>
        {m.comments}
      </h2>
      <p className={ui.hint}>{m.commentsHint}</p>
      {note.comments.length === 0 ? (
        <p className="mt-2 text-muted">{m.commentsEmpty}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {note.comments.map((c) => (
            <li key={c.id} className="rounded bg-gold-100/60 px-3 py-2">
              <p className="whitespace-pre-line text-[15px]">{c.body}</p>
              <p className="mt-1 text-sm text-muted">
                {c.authorName ?? m.system} · {formatDateTime(c.at, timeZone)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {action && <CommentForm action={action} noteId={note.id} permalink={permalink} />}
    </section>
  );
}

/** The research topics and proposals the note went into (links for who may open them). */
export function NoteLinks({
  note,
  linkTopics,
  linkProposals,
}: {
  note: StaffNoteView;
  linkTopics: boolean;
  linkProposals: boolean;
}) {
  if (note.researchTopics.length === 0 && note.proposals.length === 0) return null;
  const item = (href: string | null, title: string, year: number, key: string) => (
    <li key={key}>
      {href ? (
        <Link href={href} className={ui.link}>
          {title}
        </Link>
      ) : (
        title
      )}{" "}
      <span className="text-sm text-muted">{year}</span>
    </li>
  );
  return (
    <section aria-labelledby="research" className={ui.card}>
      <h2 id="research" className={ui.cardTitle}>
        {m.research}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {note.researchTopics.map((t) =>
          item(linkTopics ? `/admin/research/${t.id}` : null, t.title, t.year, `t${t.id}`),
        )}
        {note.proposals.map((p) =>
          item(linkProposals ? `/admin/proposals/${p.id}` : null, p.title, p.year, `p${p.id}`),
        )}
      </ul>
    </section>
  );
}
