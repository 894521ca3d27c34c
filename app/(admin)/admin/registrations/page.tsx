import type { Metadata } from "next";
import Link from "next/link";
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
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { type EventListFilter, listAdminEvents } from "@/db/queries/admin-events";
import { ADMIN_PAGE_SIZE } from "@/db/queries/admin-news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.registrations;
const filters: EventListFilter[] = ["upcoming", "past", "all"];

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminRegistrationsPage({ searchParams }: Props) {
  const user = await requireStaff("registration.view", { next: "/admin/registrations" });
  const params = await searchParams;
  const filter = filters.find((f) => f === params.filter) ?? "upcoming";
  const page = pageParam(params.page);
  const [{ rows, total }, committee] = await Promise.all([
    listAdminEvents(user, { filter, q: "", page, openToPublicOnly: true }),
    getCommitteeInfo(),
  ]);
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const link = (over: Record<string, string | number | null>) =>
    `/admin/registrations${queryString({ filter: filter === "upcoming" ? null : filter, ...over })}`;

  return (
    <div>
      <AdminPageHeader title={m.title} intro={m.intro} />
      <LinkTabs
        label={cmsMessages.events.filters}
        items={filters.map((f) => ({
          href: link({ filter: f === "upcoming" ? null : f, page: null }),
          label: cmsMessages.events.filter[f],
          current: f === filter,
        }))}
      />
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
                  {m.table.event}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.when}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.seats}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.waitlisted}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.checkedIn}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={tableClass.td}>
                    <Link
                      href={`/admin/registrations/${row.id}`}
                      className="font-medium text-brand-800 hover:underline"
                    >
                      {row.title}
                    </Link>
                    {row.status === "cancelled" && (
                      <span className="ml-2">
                        <Badge tone="bad">{cmsMessages.events.status.cancelled}</Badge>
                      </span>
                    )}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {compactDateTime(row.startsAt, committee.timeZone)}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap`}>
                    {row.confirmed}
                    {row.capacity !== null && ` / ${row.capacity}`}
                  </td>
                  <td className={tableClass.td}>{row.waitlisted}</td>
                  <td className={tableClass.td}>{row.checkedIn}</td>
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
