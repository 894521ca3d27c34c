import type { Metadata } from "next";
import { DataTable, ListPage, listTabs } from "@/components/admin/kit";
import { type EventListFilter, listAdminEvents } from "@/db/queries/events/staff";
import * as list from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { committeeToday, requireStaff } from "@/server/action";
import { registrationEventColumns } from "./_components/event-columns";

const m = cmsMessages.registrations;
const e = cmsMessages.events;
const filters: EventListFilter[] = ["upcoming", "past", "all"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

/** The events open to the public, each linking to its registration list. */
export default async function AdminRegistrationsPage({ searchParams }: list.ListPageProps) {
  const user = await requireStaff("registration.view", "/admin/registrations");
  const params = await searchParams;
  const tab = list.tabParam(params, "filter", filters, "upcoming");
  const page = list.pageParam(params.page);
  const query = { filter: tab.current, q: "", page, openToPublicOnly: true };
  const [{ rows, total }, { timeZone }] = await Promise.all([
    listAdminEvents(user, query),
    committeeToday(),
  ]);
  const link = list.listHref("/admin/registrations", { filter: tab.shown });
  const columns = registrationEventColumns(timeZone);
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      tabs={listTabs(e.filters, tab, (f) => e.filter[f], link)}
      pager={list.pagerFor(page, total, list.ADMIN_PAGE_SIZE, link)}
    >
      <DataTable caption={m.table.caption} rows={rows} empty={m.empty} columns={columns} />
    </ListPage>
  );
}
