import type { Metadata } from "next";
import { DataTable, ListFilter, ListPage, listTabs } from "@/components/admin/kit";
import { type EventListFilter, listAdminEvents } from "@/db/queries/events/staff";
import * as list from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { committeeToday, requireStaff } from "@/server/action";
import { eventColumns } from "./_components/event-columns";

const m = cmsMessages.events;
const filters: EventListFilter[] = ["upcoming", "past", "cancelled", "all"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

export default async function AdminEventsPage({ searchParams }: list.ListPageProps) {
  const user = await requireStaff("event.create", "/admin/events");
  const params = await searchParams;
  const tab = list.tabParam(params, "filter", filters, "upcoming");
  const q = list.textParam(params.q, 50);
  const page = list.pageParam(params.page);
  const [{ rows, total }, { timeZone }] = await Promise.all([
    listAdminEvents(user, { filter: tab.current, q, page }),
    committeeToday(),
  ]);
  const link = list.listHref("/admin/events", { filter: tab.shown, q });
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      create={{ href: "/admin/events/new", label: m.newEvent }}
      tabs={listTabs(m.filters, tab, (f) => m.filter[f], link)}
      filters={
        <ListFilter
          action="/admin/events"
          label={m.filters}
          keep={{ filter: tab.shown }}
          total={total}
          search={{ label: m.keyword, value: q, maxLength: 50 }}
        />
      }
      pager={list.pagerFor(page, total, list.ADMIN_PAGE_SIZE, link)}
    >
      <DataTable
        caption={m.table.caption}
        rows={rows}
        empty={m.empty}
        columns={eventColumns(timeZone)}
      />
    </ListPage>
  );
}
