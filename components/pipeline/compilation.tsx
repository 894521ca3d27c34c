import { ReportBody } from "@/components/admin/report-body";
import { ui } from "@/components/admin/ui";
import type { CompilationTopic } from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import { renderRichText } from "@/lib/rich-text/sanitize";

const m = adminMessages.research;

/** The year's topic reports in their order, with a table of contents: for print or PDF. */
export function Compilation({ topics }: { topics: CompilationTopic[] }) {
  return (
    <>
      {topics.length === 0 ? (
        <p className="text-muted">{m.empty}</p>
      ) : (
        <>
          <nav
            aria-labelledby="contents"
            className="mb-8 rounded-md border border-stone-200 bg-white p-4 print:border-0 print:p-0"
          >
            <h2 id="contents" className="mb-2 font-serif text-lg font-bold">
              {m.contents}
            </h2>
            <ol className="list-decimal space-y-1 pl-6">
              {topics.map((t) => (
                <li key={t.id}>
                  <a href={`#topic-${t.id}`} className={ui.link}>
                    {t.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {topics.map((t, i) => (
            <section
              key={t.id}
              id={`topic-${t.id}`}
              aria-labelledby={`topic-${t.id}-title`}
              className="mb-10 rounded-md border border-stone-200 bg-white p-5 print:break-before-page print:border-0 print:p-0"
            >
              <h2
                id={`topic-${t.id}-title`}
                className="font-serif text-xl font-bold text-brand-800"
              >
                {i + 1}. {t.title}
              </h2>
              <p className="mt-1 text-sm text-muted">
                {[
                  t.topicName && `${m.topic}：${t.topicName}`,
                  `${m.reviewStatus}：${adminMessages.reviewStatuses[t.reviewStatus]}`,
                  t.members.length > 0 && `${m.members}：${t.members.join("、")}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {t.summary && <p className="mt-3 italic">{t.summary}</p>}
              <div className="mt-4">
                {t.report.trim() === "" ? (
                  <p className="text-muted">{m.noReport}</p>
                ) : (
                  <ReportBody html={renderRichText(t.report)} />
                )}
              </div>
              {t.reviewComment && (
                <p className="mt-4 rounded bg-gold-100/60 px-3 py-2 text-[15px]">
                  {m.reviewComment}：{t.reviewComment}
                </p>
              )}
              {t.notes.length > 0 && (
                <>
                  <h3 className="mt-5 font-semibold">{m.sourceNotes}</h3>
                  <ul className="mt-1 list-disc pl-6 text-[15px]">
                    {t.notes.map((n) => (
                      <li key={n.id}>
                        {n.title}（{n.authorName}）
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {t.proposals.length > 0 && (
                <>
                  <h3 className="mt-4 font-semibold">{m.proposals}</h3>
                  <ul className="mt-1 list-disc pl-6 text-[15px]">
                    {t.proposals.map((p) => (
                      <li key={p.title}>
                        {adminMessages.proposalKinds[p.kind]}：{p.title}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
