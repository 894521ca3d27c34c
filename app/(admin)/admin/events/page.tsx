import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Badge,
  LinkTabs,
  Pager,
  pageParam,
  queryString,
  TableFrame,
  tableClass,
  textParam,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { type EventListFilter, listAdminEvents } from "@/db/queries/admin-events";
import { ADMIN_PAGE_SIZE } from "@/db/queries/admin-news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.events;
const filters: EventListFilter[] = ["upcoming", "past", "cancelled", "all"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminEventsPage({ searchParams }: Props) {
  const user = await requireStaff("event.create", { next: "/admin/events" });
  const params = await searchParams;
  const filter = filters.find((s) => s === params.filter) ?? "upcoming";
  const q = textParam(params.q, 50);
  const page = pageParam(params.page);
  const [{ rows, total }, committee] = await Promise.all([
    listAdminEvents(user, { filter, q, page }),
    getCommitteeInfo(),
  ]);
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const link = (over: Record<string, string | number | null>) =>
    `/admin/events${queryString({ filter: filter === "upcoming" ? null : filter, q, ...over })}`;

  return (
    <div>
      <AdminPageHeader
        title={m.title}
        intro={m.intro}
        actions={
          <Link href="/admin/events/new" className={buttonClass.primary}>
            {m.newEvent}
          </Link>
        }
      />
      <LinkTabs
        label={m.filters}
        items={filters.map((f) => ({
          href: link({ filter: f === "upcoming" ? null : f, page: null }),
          label: m.filter[f],
          current: f === filter,
        }))}
      />
      <form
        method="get"
        action="/admin/events"
        className="mb-4 flex flex-wrap items-end gap-3"
        aria-label={m.filters}
      >
        {filter !== "upcoming" && <input type="hidden" name="filter" value={filter} />}
        <div>
          <label htmlFor="events-q" className="block text-sm font-medium">
            {m.keyword}
          </label>
          <input
            id="events-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={50}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5"
          />
        </div>
        <button type="submit" className={buttonClass.quiet}>
          {cmsMessages.common.filter}
        </button>
        <p className="ml-auto text-sm text-muted">{cmsMessages.common.count(total)}</p>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
          {m.empty}
        </p>
      ) : (
        <TableFrame label={m.table.caption}>
          <table className={tableClass.table}>
            <caption className={tableClass.caption}>{m.table.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={tableClass.th}>
                  {m.table.title}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.when}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.kind}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.town}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.status}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.seats}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={tableClass.td}>
                    <Link
                      href={`/admin/events/${row.id}`}
                      className="font-medium text-brand-800 hover:underline"
                    >
                      {row.title}
                    </Link>
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {compactDateTime(row.startsAt, committee.timeZone)}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap`}>
                    {messages.eventKinds[row.kind]}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap`}>{row.townName ?? ""}</td>
                  <td className={tableClass.td}>
                    <Badge tone={row.status === "cancelled" ? "bad" : "good"}>
                      {m.status[row.status]}
                    </Badge>
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {row.openToPublic ? (
                      <Link
                        href={`/admin/registrations/${row.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {m.seats(row.confirmed, row.capacity, row.waitlisted)}
                      </Link>
                    ) : (
                      <span className="text-muted">{m.notOpen}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pager page={page} pages={pages} href={(p) => link({ page: p })} />
    </div>
  );
}
