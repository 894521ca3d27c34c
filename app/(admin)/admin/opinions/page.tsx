import type { Metadata } from "next";
import { ListFilter, ListPage, listTabs, Notice } from "@/components/admin/kit";
import { ModerationTable } from "@/components/opinions/admin/moderation-table";
import {
  listOpinionsForModeration,
  listTopicsForModeration,
  MODERATION_PAGE_SIZE,
  type ModerationFilter,
} from "@/db/queries/opinions/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import * as list from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsErrorNotice } from "@/lib/messages/cms/gate";
import { requireStaff } from "@/server/action";
import { moderateOpinionsAction } from "./actions";

const m = cmsMessages.opinions;
const filters: readonly ModerationFilter[] = ["pending", "approved", "rejected", "all"];

export const metadata: Metadata = { title: m.adminTitle, robots: { index: false } };

export default async function AdminOpinionsPage({ searchParams }: list.ListPageProps) {
  await requireStaff("opinion.moderate", "/admin/opinions");
  const params = await searchParams;
  const tab = list.tabParam(params, "status", filters, "pending");
  const topicRaw = list.idParam(params.topic);
  const page = list.pageParam(params.page);
  const [{ rows, total }, topics, committee] = await Promise.all([
    listOpinionsForModeration({ status: tab.current, topicId: topicRaw, page }),
    listTopicsForModeration(),
    getCommitteeInfo(),
  ]);
  const topicId = topics.some((t) => t.id === topicRaw) ? topicRaw : null;
  const topic = topicId === null ? "" : String(topicId);
  const options = topics.map((t) => ({ value: t.id, label: t.name }));
  const link = list.listHref("/admin/opinions", { status: tab.shown, topic: topicId, page });
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
      tabs={listTabs(m.table.caption, tab, (f) => m.statusFilter[f], link)}
      filters={
        <ListFilter
          action="/admin/opinions"
          label={m.topicFilter}
          keep={{ status: tab.shown }}
          total={total}
          selects={[
            { name: "topic", label: m.topicFilter, value: topic, all: m.allTopics, options },
          ]}
        />
      }
      pager={list.pagerFor(page, total, MODERATION_PAGE_SIZE, link)}
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
