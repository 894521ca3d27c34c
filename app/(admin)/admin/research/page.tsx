import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { CreateTopicForm } from "@/components/admin/research-topic-form";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { listResearchTopics, listResearchYears, listTopicOptions } from "@/db/queries/research";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "../../staff";

export const generateMetadata = staffPageTitle(adminMessages.research.title);

const m = adminMessages.research;

/** 调研课题: the research month's key topics of a year, with their notes, report and review. */
export default async function ResearchPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [params, today] = await Promise.all([searchParams, committeeToday()]);
  const year = parseYear(params.year, today.year);
  await requireStaff("research.manage", `/admin/research?year=${year}`);
  const [topics, years, topicOptions] = await Promise.all([
    listResearchTopics(year),
    listResearchYears(today.year),
    listTopicOptions(),
  ]);
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        actions={
          <Link href={`/admin/research/compilation?year=${year}`} className={ui.secondary}>
            {m.compilation}
          </Link>
        }
      />
      <YearPicker
        action="/admin/research"
        year={year}
        years={years}
        label={m.year}
        submit={m.show}
      />
      {topics.length === 0 ? (
        <p className={`${ui.card} text-muted`}>{m.empty}</p>
      ) : (
        <ol className="space-y-3">
          {topics.map((t) => (
            <li key={t.id} className={ui.card}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/admin/research/${t.id}`} className={ui.link}>
                    {t.title}
                  </Link>
                </h2>
                <span className="rounded bg-gold-100 px-2 py-0.5 text-sm text-gold-700">
                  {m.reviewStatus}：{adminMessages.reviewStatuses[t.reviewStatus]}
                </span>
              </div>
              {t.summary && <p className="mt-1 text-[15px] text-muted">{t.summary}</p>}
              <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
                {t.topicName && (
                  <span>
                    {m.topic}：{t.topicName}
                  </span>
                )}
                <span>{m.notesCount(t.noteCount)}</span>
                <span>
                  {m.members} {t.memberCount}
                </span>
                <span>
                  {m.report}：{t.hasReport ? adminMessages.common.yes : m.noReport}
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="new-topic" className={`${ui.card} mt-6`}>
        <h2 id="new-topic" className={`${ui.cardTitle} mb-3`}>
          {m.create}（{year}）
        </h2>
        <CreateTopicForm
          year={year}
          topics={topicOptions}
          permalink={`/admin/research?year=${year}`}
        />
      </section>
    </>
  );
}
