import type { PublicCase } from "@/db/queries/cases/public";
import { cmsMessages } from "@/lib/messages/cms";
import { formatDate, localDateKey } from "@/lib/time";
import { categoryLabel, formatLocalDate } from "./case-list";
import { caseOutcomeClass } from "./outcome-style";

const m = cmsMessages.cases;

/** Paragraphs of plain text (cases are not Markdown): one <p> per blank-line block. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity beyond their order
          <p key={i} className="my-3 whitespace-pre-line">
            {p}
          </p>
        ))}
    </>
  );
}

/**
 * One anonymised case: the problem, the department, the outcome, the dates. The outcome is
 * rich text, rendered by lib/rich-text/sanitize.ts (`renderRichText`) against its allowlist.
 */
export function CaseDetail({
  item,
  outcomeHtml,
  timeZone,
}: {
  item: PublicCase;
  outcomeHtml: string;
  timeZone: string;
}) {
  const facts: [string, string][] = [
    ...(categoryLabel(item.category)
      ? [
          [cmsMessages.cases.fields.category, categoryLabel(item.category) as string] as [
            string,
            string,
          ],
        ]
      : []),
    ...(item.townName ? [[cmsMessages.cases.fields.town, item.townName] as [string, string]] : []),
    ...(item.departmentName ? [[m.department, item.departmentName] as [string, string]] : []),
    ...(item.receivedOn
      ? [[m.received, formatLocalDate(item.receivedOn)] as [string, string]]
      : []),
    ...(item.resolvedOn
      ? [[m.resolved, formatLocalDate(item.resolvedOn)] as [string, string]]
      : []),
  ];
  return (
    <article className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-4">
        <h1 className="font-serif text-2xl font-bold leading-snug text-ink sm:text-3xl">
          {item.title}
        </h1>
        <p className="mt-2 text-sm text-muted">
          {m.published}：
          <time dateTime={localDateKey(item.publishedAt, timeZone)}>
            {formatDate(item.publishedAt, timeZone)}
          </time>
        </p>
      </header>
      {facts.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md border border-stone-300 bg-white p-4 text-[15px]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <section aria-labelledby="case-problem">
        <h2 id="case-problem" className="font-serif text-xl font-bold text-brand-800">
          {m.problem}
        </h2>
        <div className="text-[17px] leading-[1.9]">
          <Paragraphs text={item.summary} />
        </div>
      </section>
      <section aria-labelledby="case-outcome">
        <h2 id="case-outcome" className="font-serif text-xl font-bold text-brand-800">
          {m.outcome}
        </h2>
        <div
          className={caseOutcomeClass}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by lib/rich-text/sanitize.ts against its allowlist
          dangerouslySetInnerHTML={{ __html: outcomeHtml }}
        />
      </section>
    </article>
  );
}
