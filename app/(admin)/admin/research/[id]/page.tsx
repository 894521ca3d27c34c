import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/admin/kit";
import { TopicSections } from "@/components/admin/research-topic-parts";
import { ui } from "@/components/admin/ui";
import { PageHeader } from "@/components/ui/page-header";
import {
  getResearchTopic,
  listGatherableNotes,
  listMemberOptions,
  listTopicOptions,
} from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import { requireStaff, staffPageTitle } from "@/server/action";
import { researchTopicActions } from "../topic-actions";

export const generateMetadata = staffPageTitle(adminMessages.research.title);

const m = adminMessages.research;

/** One research topic: its fields, report and review; the notes it gathers; its members. */
export default async function ResearchTopicPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const permalink = `/admin/research/${id}`;
  await requireStaff("research.manage", permalink);
  const topicId = Number(id);
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
      {created === "1" && <Notice>{m.created}</Notice>}
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
