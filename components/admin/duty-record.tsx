import type { DutyRecord } from "@/db/queries/pipeline/duty";
import { adminMessages } from "@/lib/messages/admin";
import { formatDate } from "@/lib/time";
import { PrintButton } from "./print-button";

const m = adminMessages.duty;

/**
 * A member's duty record for a year: the figures, then each item by name. Shared by the
 * staff console and the member's own page; prints on its own (navigation is hidden).
 */
export function DutyRecordView({
  record,
  title,
  timeZone,
  today,
}: {
  record: DutyRecord;
  title: string;
  timeZone: string;
  today: Date;
}) {
  const figures: [string, number, string][] = [
    [m.events, record.events.length, m.unit.events],
    [m.notesFiled, record.notes.length, m.unit.notes],
    [m.notesAdopted, record.adoptedCount, m.unit.notes],
    [m.topics, record.topics.length, m.unit.topics],
    [m.proposals, record.proposals.length, m.unit.proposals],
  ];
  return (
    <article className="rounded-md border border-stone-200 bg-white p-5 print:border-0 print:p-0">
      <header className="mb-5 flex flex-wrap items-end justify-between gap-3 border-b-2 border-brand-700 pb-3">
        <div>
          <h1 className="font-serif text-2xl font-bold text-ink">{title}</h1>
          <p className="mt-1 text-[15px] text-muted">
            {[record.member.name, record.member.sectorName].filter(Boolean).join(" · ")}
          </p>
        </div>
        <PrintButton label={m.print} hint={m.printHint} />
      </header>
      <section aria-labelledby="duty-summary">
        <h2 id="duty-summary" className="mb-2 text-lg font-semibold">
          {m.summary}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {figures.map(([label, value, unit]) => (
            <div key={label} className="rounded border border-stone-200 px-3 py-2 text-center">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="font-serif text-2xl font-bold text-brand-800">
                {value}
                <span className="ml-0.5 text-sm font-normal text-muted">{unit}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <Section title={m.events} empty={record.events.length === 0}>
        {record.events.map((e) => (
          <li key={e.id}>
            <span className="mr-2 text-sm text-muted">{formatDate(e.startsAt, timeZone)}</span>
            {e.title}
          </li>
        ))}
      </Section>
      <Section title={m.notesFiled} empty={record.notes.length === 0}>
        {record.notes.map((n) => (
          <li key={n.id}>
            <span className="mr-2 text-sm text-muted">{formatDate(n.submittedAt, timeZone)}</span>
            {n.title || adminMessages.queue.untitled}
            <span className="ml-2 text-sm text-muted">（{adminMessages.statuses[n.status]}）</span>
          </li>
        ))}
      </Section>
      <Section title={m.topics} empty={record.topics.length === 0}>
        {record.topics.map((t) => (
          <li key={t.id}>{t.title}</li>
        ))}
      </Section>
      <Section title={m.proposals} empty={record.proposals.length === 0}>
        {record.proposals.map((p) => (
          <li key={p.id}>
            {adminMessages.proposalKinds[p.kind]}：{p.title}
            {p.number && <span className="ml-2 text-sm text-muted">{p.number}</span>}
          </li>
        ))}
      </Section>
      <p className="mt-6 text-right text-sm text-muted">
        {m.generatedAt(formatDate(today, timeZone))}
      </p>
    </article>
  );
}

function Section({
  title,
  empty,
  children,
}: {
  title: string;
  empty: boolean;
  children: React.ReactNode;
}) {
  return (
    <section className="mt-5 break-inside-avoid">
      <h2 className="mb-1 text-lg font-semibold">{title}</h2>
      {empty ? (
        <p className="text-muted">{m.none}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6 text-[15px]">{children}</ul>
      )}
    </section>
  );
}
