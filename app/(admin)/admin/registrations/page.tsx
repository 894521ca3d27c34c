import type { Metadata } from "next";
import { choiceTabs, DataTable, ListPage } from "@/components/admin/kit";
import { type EventListFilter, listAdminEvents } from "@/db/queries/events/staff";
import { ADMIN_PAGE_SIZE } from "@/db/queries/news/staff";
import { choiceParam, listHref, pageCount, pageParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { committeeToday, requireStaff } from "@/server/action";
import { registrationEventColumns } from "./_components/event-columns";

const m = cmsMessages.registrations;
const filters: EventListFilter[] = ["upcoming", "past", "all"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The events open to the public, each linking to its registration list. */
export default async function AdminRegistrationsPage({ searchParams }: Props) {
  const user = await requireStaff("registration.view", "/admin/registrations");
  const params = await searchParams;
  const filter = choiceParam(params.filter, filters, "upcoming");
  const page = pageParam(params.page);
  const [{ rows, total }, { timeZone }] = await Promise.all([
    listAdminEvents(user, { filter, q: "", page, openToPublicOnly: true }),
    committeeToday(),
  ]);
  const link = listHref("/admin/registrations", { filter: filter === "upcoming" ? null : filter });
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      tabs={{
        label: cmsMessages.events.filters,
        items: choiceTabs(
          filters,
          filter,
          (f) => cmsMessages.events.filter[f],
          (f) => link({ filter: f === "upcoming" ? null : f, page: null }),
        ),
      }}
      pager={{ page, pages: pageCount(total, ADMIN_PAGE_SIZE), hrefFor: (p) => link({ page: p }) }}
    >
      <DataTable
        caption={m.table.caption}
        rows={rows}
        rowKey={(r) => r.id}
        empty={m.empty}
        columns={registrationEventColumns(timeZone)}
      />
    </ListPage>
  );
}
