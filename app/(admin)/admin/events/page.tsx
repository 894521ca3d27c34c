import type { Metadata } from "next";
import Link from "next/link";
import {
  buttonClass,
  choiceTabs,
  DataTable,
  FilterForm,
  FilterInput,
  ListPage,
} from "@/components/admin/kit";
import { type EventListFilter, listAdminEvents } from "@/db/queries/events/staff";
import { ADMIN_PAGE_SIZE } from "@/db/queries/news/staff";
import { choiceParam, listHref, pageCount, pageParam, textParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { committeeToday, requireStaff } from "@/server/action";
import { eventColumns } from "./_components/event-columns";

const m = cmsMessages.events;
const filters: EventListFilter[] = ["upcoming", "past", "cancelled", "all"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminEventsPage({ searchParams }: Props) {
  const user = await requireStaff("event.create", "/admin/events");
  const params = await searchParams;
  const filter = choiceParam(params.filter, filters, "upcoming");
  const q = textParam(params.q, 50);
  const page = pageParam(params.page);
  const [{ rows, total }, { timeZone }] = await Promise.all([
    listAdminEvents(user, { filter, q, page }),
    committeeToday(),
  ]);
  const shown = filter === "upcoming" ? null : filter;
  const link = listHref("/admin/events", { filter: shown, q });
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        <Link href="/admin/events/new" className={buttonClass.primary}>
          {m.newEvent}
        </Link>
      }
      tabs={{
        label: m.filters,
        items: choiceTabs(
          filters,
          filter,
          (f) => m.filter[f],
          (f) => link({ filter: f === "upcoming" ? null : f, page: null }),
        ),
      }}
      filters={
        <FilterForm
          action="/admin/events"
          label={m.filters}
          keep={{ filter: shown }}
          count={cmsMessages.common.count(total)}
        >
          <FilterInput id="events-q" name="q" label={m.keyword} value={q} maxLength={50} />
        </FilterForm>
      }
      pager={{ page, pages: pageCount(total, ADMIN_PAGE_SIZE), hrefFor: (p) => link({ page: p }) }}
    >
      <DataTable
        caption={m.table.caption}
        rows={rows}
        rowKey={(r) => r.id}
        empty={m.empty}
        columns={eventColumns(timeZone)}
      />
    </ListPage>
  );
}
