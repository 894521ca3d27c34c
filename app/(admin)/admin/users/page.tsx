import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Badge,
  Pager,
  pageParam,
  queryString,
  TableFrame,
  tableClass,
  textParam,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { listUsers, USERS_PAGE_SIZE } from "@/db/queries/admin-users";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { userRoles, userStatuses } from "@/lib/vocabulary";

const m = cmsMessages.users;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requireStaff("user.manage", { roles: ["admin"], next: "/admin/users" });
  const params = await searchParams;
  const role = userRoles.find((r) => r === params.role) ?? null;
  const status = userStatuses.find((s) => s === params.status) ?? null;
  const q = textParam(params.q, 40);
  const page = pageParam(params.page);
  const [{ rows, total }, committee] = await Promise.all([
    listUsers({ role, status, q, page }),
    getCommitteeInfo(),
  ]);
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const select = "mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5";

  return (
    <div>
      <AdminPageHeader
        title={m.title}
        intro={m.intro}
        actions={
          <Link href="/admin/users/new" className={buttonClass.primary}>
            {m.newUser}
          </Link>
        }
      />
      <form
        method="get"
        action="/admin/users"
        className="mb-4 flex flex-wrap items-end gap-3"
        aria-label={m.filters}
      >
        <div>
          <label htmlFor="users-role" className="block text-sm font-medium">
            {m.role}
          </label>
          <select id="users-role" name="role" defaultValue={role ?? ""} className={select}>
            <option value="">{cmsMessages.common.all}</option>
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {m.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="users-status" className="block text-sm font-medium">
            {m.status}
          </label>
          <select id="users-status" name="status" defaultValue={status ?? ""} className={select}>
            <option value="">{cmsMessages.common.all}</option>
            {userStatuses.map((s) => (
              <option key={s} value={s}>
                {m.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="users-q" className="block text-sm font-medium">
            {m.keyword}
          </label>
          <input
            id="users-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={40}
            className={select}
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
                  {m.table.displayName}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.username}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.role}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.scope}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.phone}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.status}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.totp}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.lastLogin}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <td className={tableClass.td}>
                    <Link
                      href={`/admin/users/${u.id}`}
                      className="font-medium text-brand-800 hover:underline"
                    >
                      {u.displayName}
                    </Link>
                  </td>
                  <td className={`${tableClass.td} font-mono text-sm`}>{u.username}</td>
                  <td className={tableClass.td}>{m.roles[u.role]}</td>
                  <td className={`${tableClass.td} text-sm`}>
                    {[u.sectorName, u.organisationName].filter(Boolean).join(" / ")}
                  </td>
                  <td className={`${tableClass.td} font-mono text-sm`}>{u.phoneMasked ?? ""}</td>
                  <td className={tableClass.td}>
                    <Badge
                      tone={
                        u.status === "active" ? "good" : u.status === "disabled" ? "bad" : "warn"
                      }
                    >
                      {m.statuses[u.status]}
                    </Badge>
                  </td>
                  <td className={`${tableClass.td} text-sm`}>
                    {u.totpEnabled ? m.totpOn : m.totpOff}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {u.lastLoginAt ? compactDateTime(u.lastLoginAt, committee.timeZone) : m.never}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pager
        page={page}
        pages={pages}
        href={(p) => `/admin/users${queryString({ role, status, q, page: p })}`}
      />
    </div>
  );
}
