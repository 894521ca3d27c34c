import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerForm, SatisfactionForm } from "@/components/admin/answer-form";
import { CommentForm } from "@/components/admin/comment-form";
import { NoteReviewForm } from "@/components/admin/note-review-form";
import { NoteTimeline } from "@/components/admin/note-timeline";
import { PageHeader } from "@/components/admin/page-header";
import { AdminStatusBadge } from "@/components/admin/status-badge";
import { TransferForm } from "@/components/admin/transfer-form";
import { ui } from "@/components/admin/ui";
import { listAnswerTemplates } from "@/db/queries/answer-templates";
import { listDepartments } from "@/db/queries/departments";
import { getStaffNote } from "@/db/queries/moderation-queue";
import { adminMessages } from "@/lib/messages/admin";
import {
  addDays,
  type DirectNoteAction,
  directNoteActions,
  isTransferOverdue,
} from "@/lib/moderation";
import { notePhotoUrl } from "@/lib/notes/form-state";
import { availableActions } from "@/lib/notes/workflow";
import { can, noteActorFor } from "@/lib/permissions";
import { formatDate, formatDateSpan, formatDateTime } from "@/lib/time";
import { committeeToday, requireStaff, staffPageTitle } from "../../../staff";

export const generateMetadata = staffPageTitle(adminMessages.queue.title);

const m = adminMessages.note;

/** One note in full, with what this user may do to it: review, transfer, answers, remarks. */
export default async function StaffNotePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const doneMessage =
    typeof done === "string" && Object.hasOwn(adminMessages.actionDone, done)
      ? adminMessages.actionDone[done as keyof typeof adminMessages.actionDone]
      : null;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const noteId = Number(id);
  const permalink = `/admin/notes/${noteId}`;
  const user = await requireStaff("note.review", permalink);
  const [{ timeZone, today }, note] = await Promise.all([
    committeeToday(),
    getStaffNote(user, noteId),
  ]);
  if (!note || !can(user, "note.view", note.target)) notFound();

  const actor = noteActorFor(user, note.target);
  const moves = actor ? availableActions(note.status, actor) : [];
  const direct = moves.filter((a): a is DirectNoteAction =>
    (directNoteActions as readonly string[]).includes(a),
  );
  const mayTransfer = moves.includes("transfer") && can(user, "note.transfer", note.target);
  const mayAnswer = moves.includes("answer") && can(user, "note.answer", note.target);
  const mayRecordSatisfaction = can(user, "note.answer", note.target);
  const needsTemplates = direct.length > 0 || mayAnswer;
  const [templates, departments] = await Promise.all([
    needsTemplates ? listAnswerTemplates() : Promise.resolve([]),
    mayTransfer ? listDepartments({ today, activeOnly: true }) : Promise.resolve([]),
  ]);
  const templateChoices = templates.map((t) => ({ id: t.id, title: t.title }));
  const facts: [string, string | null][] = [
    [m.author, note.authorName],
    [m.authorSector, note.authorSectorName],
    [m.submittedAt, note.submittedAt ? formatDateTime(note.submittedAt, timeZone) : null],
    [m.visitDate, note.visitDate ? formatDateSpan(note.visitDate, note.visitDate) : null],
    [m.town, note.townName],
    [m.place, note.place || null],
    [m.sector, note.sectorName],
    [m.category, note.category ? adminMessages.categories[note.category] : null],
    [m.event, note.eventTitle],
    [m.topic, note.topicName],
    [m.peopleMet, note.peopleMet || null],
  ];

  return (
    <>
      <PageHeader title={note.title || adminMessages.queue.untitled}>
        <p className="mb-1 text-sm">
          <Link href="/admin/notes" className={ui.link}>
            ← {m.back}
          </Link>
        </p>
      </PageHeader>
      <p
        data-testid="note-status"
        className="-mt-3 mb-5 flex items-center gap-3 text-sm text-muted"
      >
        <span className="sr-only">{m.status}</span>
        <AdminStatusBadge status={note.status} />
        <span>{m.version(note.version)}</span>
      </p>
      {doneMessage && (
        <p
          role="status"
          className="mb-5 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          {doneMessage}
        </p>
      )}

      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-5">
          <section aria-labelledby="facts" className={ui.card}>
            <h2 id="facts" className={ui.cardTitle}>
              {m.meta}
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label} className="flex gap-3">
                  <dt className="w-24 shrink-0 text-muted">{label}</dt>
                  <dd className="min-w-0">
                    {value ?? <span className="text-muted">{m.notSet}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="observation" className={ui.card}>
            <h2 id="observation" className={ui.cardTitle}>
              {m.observation}
            </h2>
            <p className="mt-2 whitespace-pre-line">{note.observation || m.notSet}</p>
            <h2 className={`${ui.cardTitle} mt-5`}>{m.suggestion}</h2>
            <p className="mt-2 whitespace-pre-line">{note.suggestion || m.notSet}</p>
          </section>
          <section aria-labelledby="photos" className={ui.card}>
            <h2 id="photos" className={ui.cardTitle}>
              {m.photos}
            </h2>
            {note.photoIds.length === 0 ? (
              <p className="mt-2 text-muted">{m.noPhotos}</p>
            ) : (
              <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
                {note.photoIds.map((photoId, i) => (
                  <li key={photoId}>
                    <a href={notePhotoUrl(photoId)} target="_blank" rel="noopener">
                      {/* biome-ignore lint/performance/noImgElement: private photos, served with a permission check, not through the image optimiser */}
                      <img
                        src={notePhotoUrl(photoId)}
                        alt={m.photo(i + 1)}
                        loading="lazy"
                        className="aspect-[4/3] w-full rounded border border-stone-200 object-cover"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="timeline" className={ui.card}>
            <h2 id="timeline" className={`${ui.cardTitle} mb-3`}>
              {m.timeline}
            </h2>
            <NoteTimeline timeline={note.timeline} timeZone={timeZone} />
          </section>
        </div>

        <div className="space-y-5">
          {(direct.length > 0 || (!mayTransfer && !mayAnswer)) && (
            <section aria-labelledby="review" className={ui.card}>
              <h2 id="review" className={`${ui.cardTitle} mb-3`}>
                {m.actionsTitle}
              </h2>
              {direct.length > 0 ? (
                <NoteReviewForm
                  noteId={note.id}
                  version={note.version}
                  actions={direct}
                  templates={templateChoices}
                  permalink={permalink}
                />
              ) : (
                <p className="text-muted">{m.noActions}</p>
              )}
            </section>
          )}

          <section aria-labelledby="transfers" className={ui.card}>
            <h2 id="transfers" className={ui.cardTitle}>
              {m.transfers}
            </h2>
            {note.transfers.length === 0 ? (
              <p className="mt-2 text-muted">{m.transfersEmpty}</p>
            ) : (
              <ul className="mt-3 space-y-4">
                {note.transfers.map((t) => {
                  const overdue = isTransferOverdue(t, today);
                  return (
                    <li key={t.id} className="rounded border border-stone-200 p-3">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className="font-semibold">{t.departmentName}</span>
                        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">
                          {adminMessages.transferStatuses[t.status]}
                        </span>
                        {overdue && (
                          <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                            {m.overdue}
                          </span>
                        )}
                      </p>
                      <p className="text-sm text-muted">
                        {m.dueOn(t.dueOn)}
                        {t.answeredAt && ` · ${m.answeredAt(formatDate(t.answeredAt, timeZone))}`}
                      </p>
                      {t.answer && (
                        <p className="mt-2 whitespace-pre-line text-[15px]">{t.answer}</p>
                      )}
                      {t.status === "answered" && (
                        <p className="mt-1 text-sm">
                          {m.answerSatisfaction}：
                          {t.satisfaction
                            ? adminMessages.satisfaction[t.satisfaction]
                            : m.satisfactionUnknown}
                        </p>
                      )}
                      {t.status === "answered" && mayRecordSatisfaction && (
                        <SatisfactionForm
                          noteId={note.id}
                          transferId={t.id}
                          current={t.satisfaction}
                          permalink={permalink}
                        />
                      )}
                      {t.status === "pending" && mayAnswer && (
                        <div className="mt-3 border-t border-stone-200 pt-3">
                          <AnswerForm
                            noteId={note.id}
                            version={note.version}
                            transferId={t.id}
                            departmentName={t.departmentName}
                            templates={templateChoices}
                            permalink={permalink}
                          />
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {mayTransfer && (
              <div className="mt-4 border-t border-stone-200 pt-4">
                <h3 className="mb-2 font-semibold">{m.transferForm}</h3>
                <TransferForm
                  noteId={note.id}
                  version={note.version}
                  departments={departments.map((d) => ({ id: d.id, name: d.name }))}
                  defaultDueOn={addDays(today, 15)}
                  minDueOn={today}
                  permalink={permalink}
                />
              </div>
            )}
          </section>

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
            {can(user, "note.comment", note.target) && (
              <CommentForm noteId={note.id} permalink={permalink} />
            )}
          </section>

          {(note.researchTopics.length > 0 || note.proposals.length > 0) && (
            <section aria-labelledby="research" className={ui.card}>
              <h2 id="research" className={ui.cardTitle}>
                {m.research}
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {note.researchTopics.map((t) => (
                  <li key={`t${t.id}`}>
                    {can(user, "research.manage") ? (
                      <Link href={`/admin/research/${t.id}`} className={ui.link}>
                        {t.title}
                      </Link>
                    ) : (
                      t.title
                    )}{" "}
                    <span className="text-sm text-muted">{t.year}</span>
                  </li>
                ))}
                {note.proposals.map((p) => (
                  <li key={`p${p.id}`}>
                    {can(user, "proposal.manage") ? (
                      <Link href={`/admin/proposals/${p.id}`} className={ui.link}>
                        {p.title}
                      </Link>
                    ) : (
                      p.title
                    )}{" "}
                    <span className="text-sm text-muted">{p.year}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
