import Link from "next/link";
import { ListPage, Panel } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { ResearchTopicList } from "@/components/pipeline/pipeline-lists";
import { CreateTopicForm } from "@/components/pipeline/research-topic-form";
import {
  listResearchTopics,
  listResearchYears,
  listTopicOptions,
} from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { createTopicAction } from "./actions";

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
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        <Link href={`/admin/research/compilation?year=${year}`} className={ui.secondary}>
          {m.compilation}
        </Link>
      }
      filters={
        <YearPicker
          action="/admin/research"
          year={year}
          years={years}
          label={m.year}
          submit={m.show}
        />
      }
    >
      <ResearchTopicList topics={topics} />
      <Panel id="new-topic" title={`${m.create}（${year}）`} className="mt-6">
        <CreateTopicForm
          action={createTopicAction}
          year={year}
          topics={topicOptions}
          permalink={`/admin/research?year=${year}`}
        />
      </Panel>
    </ListPage>
  );
}
