import type { Metadata } from "next";
import { choiceTabs, ListPage, Notice } from "@/components/admin/kit";
import { ModerationTable } from "@/components/opinions/admin/moderation-table";
import { TopicFilter } from "@/components/opinions/admin/topic-filter";
import {
  listOpinionsForModeration,
  listTopicsForModeration,
  MODERATION_PAGE_SIZE,
  type ModerationFilter,
} from "@/db/queries/opinions/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { choiceParam, idParam, listHref, pageCount, pageParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsErrorNotice } from "@/lib/messages/cms/gate";
import { requireStaff } from "@/server/action";
import { moderateOpinionsAction } from "./actions";

const m = cmsMessages.opinions;
const filters: readonly ModerationFilter[] = ["pending", "approved", "rejected", "all"];

export const metadata: Metadata = { title: m.adminTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOpinionsPage({ searchParams }: Props) {
  await requireStaff("opinion.moderate", "/admin/opinions");
  const params = await searchParams;
  const status = choiceParam(params.status, filters, "pending");
  const topicRaw = idParam(params.topic);
  const page = pageParam(params.page);
  const [{ rows, total }, topics, committee] = await Promise.all([
    listOpinionsForModeration({ status, topicId: topicRaw, page }),
    listTopicsForModeration(),
    getCommitteeInfo(),
  ]);
  const topicId = topics.some((t) => t.id === topicRaw) ? topicRaw : null;
  const tab = status === "pending" ? null : status;
  const link = listHref("/admin/opinions", { status: tab, topic: topicId, page });
  const n = typeof params.n === "string" ? Number(params.n) || 0 : 0;
  const done =
    params.done === "approved" ? m.approved(n) : params.done === "rejected" ? m.rejected(n) : null;
  const error = params.error === "none" ? m.selectSome : cmsErrorNotice(params.error);
  return (
    <ListPage
      title={m.adminTitle}
      intro={m.adminIntro}
      notices={
        <>
          <Notice>{done}</Notice>
          {error && <Notice tone="error">{error}</Notice>}
        </>
      }
      tabs={{
        label: m.table.caption,
        items: choiceTabs(
          filters,
          status,
          (f) => m.statusFilter[f],
          (f) => link({ status: f === "pending" ? null : f, page: null }),
        ),
      }}
      filters={<TopicFilter status={tab} topics={topics} topicId={topicId} total={total} />}
      pager={{
        page,
        pages: pageCount(total, MODERATION_PAGE_SIZE),
        hrefFor: (p) => link({ page: p }),
      }}
    >
      <ModerationTable
        rows={rows}
        timeZone={committee.timeZone}
        action={moderateOpinionsAction}
        back={link()}
      />
    </ListPage>
  );
}
