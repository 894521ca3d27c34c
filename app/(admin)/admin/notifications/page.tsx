import type { Metadata } from "next";
import { ListPage, listTabs, Notice } from "@/components/admin/kit";
import { DeliveryTable } from "@/components/notifications/delivery-table";
import {
  DELIVERIES_PAGE_SIZE,
  type DeliveryListStatus,
  listDeliveries,
} from "@/db/queries/notifications/admin";
import { getCommitteeInfo } from "@/db/queries/settings";
import * as list from "@/lib/list-params";
import { deliveryMessages } from "@/lib/messages/notification-delivery";
import { requireStaff } from "@/server/action";
import { retryDeliveryAction } from "./actions";

const m = deliveryMessages.admin;
const tabs: readonly DeliveryListStatus[] = ["failed", "pending"];
const errors: Record<string, string> = {
  invalid_state: m.notFailed,
  not_found: m.notFound,
};

export const metadata: Metadata = { title: m.title, robots: { index: false } };

/** 通知发送: e-mails and SMS that failed (with 重试) or still wait. */
export default async function AdminNotificationsPage({ searchParams }: list.ListPageProps) {
  await requireStaff("notification.manage", "/admin/notifications");
  const params = await searchParams;
  const tab = list.tabParam(params, "status", tabs, "failed");
  const page = list.pageParam(params.page);
  const [{ rows, total }, committee] = await Promise.all([
    listDeliveries({ status: tab.current, page }),
    getCommitteeInfo(),
  ]);
  const link = list.listHref("/admin/notifications", { status: tab.shown, page });
  const error = typeof params.error === "string" ? (errors[params.error] ?? m.unexpected) : null;
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      notices={
        <>
          <Notice>{params.done === "retried" ? m.retried : null}</Notice>
          {error && <Notice tone="error">{error}</Notice>}
        </>
      }
      tabs={listTabs(m.caption, tab, (t) => m.tabs[t], link)}
      pager={list.pagerFor(page, total, DELIVERIES_PAGE_SIZE, link)}
    >
      <DeliveryTable
        rows={rows}
        timeZone={committee.timeZone}
        retryAction={tab.current === "failed" ? retryDeliveryAction : undefined}
        back={link()}
      />
    </ListPage>
  );
}
