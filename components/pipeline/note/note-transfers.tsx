import type { FormAction } from "@/components/admin/form-action";
import { ui } from "@/components/admin/ui";
import type { StaffNoteView } from "@/db/queries/pipeline/staff-note";
import { adminMessages } from "@/lib/messages/admin";
import { isTransferOverdue } from "@/lib/moderation";
import { addDays, formatDate } from "@/lib/time";
import { AnswerForm, SatisfactionForm } from "../answer-form";
import { TransferForm } from "../transfer-form";

const m = adminMessages.note;

/** The note's transfers and answers, with the forms this user may use on them. */
export function NoteTransfers({
  note,
  today,
  timeZone,
  may,
  departments,
  templates,
  permalink,
  actions,
}: {
  note: StaffNoteView;
  today: string;
  timeZone: string;
  may: { transfer: boolean; answer: boolean; satisfaction: boolean };
  departments: { id: number; name: string }[];
  templates: { id: number; title: string }[];
  permalink: string;
  actions: { transfer: FormAction; answer: FormAction; satisfaction: FormAction };
}) {
  return (
    <section aria-labelledby="transfers" className={ui.card}>
      <h2 id="transfers" className={ui.cardTitle}>
        {m.transfers}
      </h2>
      {note.transfers.length === 0 ? (
        <p className="mt-2 text-muted">{m.transfersEmpty}</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {note.transfers.map((t) => (
            <li key={t.id} className="rounded border border-stone-200 p-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{t.departmentName}</span>
                <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">
                  {adminMessages.transferStatuses[t.status]}
                </span>
                {isTransferOverdue(t, today) && (
                  <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                    {m.overdue}
                  </span>
                )}
              </p>
              <p className="text-sm text-muted">
                {m.dueOn(t.dueOn)}
                {t.answeredAt && ` · ${m.answeredAt(formatDate(t.answeredAt, timeZone))}`}
              </p>
              {t.answer && <p className="mt-2 whitespace-pre-line text-[15px]">{t.answer}</p>}
              {t.status === "answered" && (
                <p className="mt-1 text-sm">
                  {m.answerSatisfaction}：
                  {t.satisfaction
                    ? adminMessages.satisfaction[t.satisfaction]
                    : m.satisfactionUnknown}
                </p>
              )}
              {t.status === "answered" && may.satisfaction && (
                <SatisfactionForm
                  action={actions.satisfaction}
                  noteId={note.id}
                  transferId={t.id}
                  current={t.satisfaction}
                  permalink={permalink}
                />
              )}
              {t.status === "pending" && may.answer && (
                <div className="mt-3 border-t border-stone-200 pt-3">
                  <AnswerForm
                    action={actions.answer}
                    noteId={note.id}
                    version={note.version}
                    transferId={t.id}
                    departmentName={t.departmentName}
                    templates={templates}
                    permalink={permalink}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {may.transfer && (
        <div className="mt-4 border-t border-stone-200 pt-4">
          <h3 className="mb-2 font-semibold">{m.transferForm}</h3>
          <TransferForm
            action={actions.transfer}
            noteId={note.id}
            version={note.version}
            departments={departments}
            defaultDueOn={addDays(today, 15)}
            minDueOn={today}
            permalink={permalink}
          />
        </div>
      )}
    </section>
  );
}
