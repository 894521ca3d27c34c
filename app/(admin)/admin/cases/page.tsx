import type { Metadata } from "next";
import Link from "next/link";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Badge,
  Pager,
  pageParam,
  TableFrame,
  tableClass,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { ADMIN_CASES_PAGE_SIZE, listAdminCases, listEligibleNotes } from "@/db/queries/cases";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.cases;

export const metadata: Metadata = { title: m.adminTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCasesPage({ searchParams }: Props) {
  await requireStaff("case.publish", { roles: ["admin"], next: "/admin/cases" });
  const page = pageParam((await searchParams).page);
  const [{ rows, total }, eligible, committee] = await Promise.all([
    listAdminCases(page),
    listEligibleNotes(),
    getCommitteeInfo(),
  ]);
  const tz = committee.timeZone;
  const pages = Math.max(1, Math.ceil(total / ADMIN_CASES_PAGE_SIZE));
  const category = (c: string | null) =>
    c ? messages.admin.categories[c as keyof typeof messages.admin.categories] : "";

  return (
    <div className="space-y-8">
      <AdminPageHeader title={m.adminTitle} intro={m.adminIntro} />

      <section aria-labelledby="cases-list">
        <h2 id="cases-list" className="mb-3 font-serif text-xl font-bold text-brand-800">
          {m.listTitle}
        </h2>
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
                    {m.table.category}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.town}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.status}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.updatedAt}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td className={tableClass.td}>
                      <Link
                        href={`/admin/cases/${row.id}`}
                        className="font-medium text-brand-800 hover:underline"
                      >
                        {row.title}
                      </Link>
                    </td>
                    <td className={tableClass.td}>{category(row.category)}</td>
                    <td className={tableClass.td}>{row.townName ?? ""}</td>
                    <td className={tableClass.td}>
                      <Badge tone={row.publishedAt ? "good" : "neutral"}>
                        {row.publishedAt ? m.status.published : m.status.draft}
                      </Badge>
                    </td>
                    <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                      {compactDateTime(row.updatedAt, tz)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
        <Pager page={page} pages={pages} href={(p) => `/admin/cases?page=${p}`} />
      </section>

      <section aria-labelledby="cases-eligible">
        <h2 id="cases-eligible" className="mb-3 font-serif text-xl font-bold text-brand-800">
          {m.eligibleTitle}
        </h2>
        {eligible.length === 0 ? (
          <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
            {m.eligibleEmpty}
          </p>
        ) : (
          <TableFrame label={m.eligibleTable.caption}>
            <table className={tableClass.table}>
              <caption className={tableClass.caption}>{m.eligibleTable.caption}</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableClass.th}>
                    {m.eligibleTable.title}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.eligibleTable.status}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.eligibleTable.town}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.eligibleTable.submittedAt}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {cmsMessages.common.actions}
                  </th>
                </tr>
              </thead>
              <tbody>
                {eligible.map((note) => (
                  <tr key={note.id}>
                    <td className={tableClass.td}>{note.title}</td>
                    <td className={tableClass.td}>
                      {messages.admin.statuses[
                        note.status as keyof typeof messages.admin.statuses
                      ] ?? note.status}
                    </td>
                    <td className={tableClass.td}>{note.townName ?? ""}</td>
                    <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                      {compactDateTime(note.submittedAt, tz)}
                    </td>
                    <td className={tableClass.td}>
                      <Link
                        href={`/admin/cases/new?note=${note.id}`}
                        className="whitespace-nowrap text-brand-700 hover:underline"
                        aria-label={m.writeFor(note.title)}
                      >
                        {m.write}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
    </div>
  );
}
