import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { TopicSections } from "@/components/pipeline/research-topic-parts";
import { PageHeader } from "@/components/ui/page-header";
import {
  getResearchTopic,
  listGatherableNotes,
  listMemberOptions,
  listTopicOptions,
} from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import { staffPageTitle } from "@/server/action";
import { openRecord, type RecordPageProps } from "../../record-page";
import { researchTopicActions } from "../topic-actions";

export const generateMetadata = staffPageTitle(adminMessages.research.title);

const m = adminMessages.research;

/** One research topic: its fields, report and review; the notes it gathers; its members. */
export default async function ResearchTopicPage(props: RecordPageProps<{ created?: string }>) {
  const {
    id: topicId,
    query,
    permalink,
  } = await openRecord(props, "/admin/research", "research.manage");
  const [topic, gatherable, members, topicOptions] = await Promise.all([
    getResearchTopic(topicId),
    listGatherableNotes(topicId),
    listMemberOptions(),
    listTopicOptions(),
  ]);
  if (!topic) notFound();
  return (
    <>
      <PageHeader
        title={topic.title}
        intro={[topic.year, topic.campaignName].filter(Boolean).join(" · ")}
        actions={
          <Link href={`/admin/research/compilation?year=${topic.year}`} className={ui.secondary}>
            {m.compilation}
          </Link>
        }
        back={{ href: `/admin/research?year=${topic.year}`, label: m.back }}
      />
      {query.created === "1" && <Notice>{m.created}</Notice>}
      <TopicSections
        topic={topic}
        topics={topicOptions}
        gatherable={gatherable}
        members={members}
        permalink={permalink}
        actions={researchTopicActions}
      />
    </>
  );
}
