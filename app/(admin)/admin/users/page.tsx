import type { Metadata } from "next";
import Link from "next/link";
import {
  buttonClass,
  FilterForm,
  FilterInput,
  FilterSelect,
  ListPage,
} from "@/components/admin/kit";
import { UserTable } from "@/components/admin/users/user-table";
import { listUsers, USERS_PAGE_SIZE } from "@/db/queries/users/staff";
import { choiceParam, listHref, pageCount, pageParam, textParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { userRoles, userStatuses } from "@/lib/vocabulary";
import { committeeToday, requireStaff } from "@/server/action";

const m = cmsMessages.users;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requireStaff("user.manage", "/admin/users");
  const params = await searchParams;
  const role = choiceParam(params.role, userRoles, null);
  const status = choiceParam(params.status, userStatuses, null);
  const q = textParam(params.q, 40);
  const page = pageParam(params.page);
  const [{ rows, total }, { timeZone }] = await Promise.all([
    listUsers({ role, status, q, page }),
    committeeToday(),
  ]);
  const link = listHref("/admin/users", { role, status, q });
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        <Link href="/admin/users/new" className={buttonClass.primary}>
          {m.newUser}
        </Link>
      }
      filters={
        <FilterForm action="/admin/users" label={m.filters} count={cmsMessages.common.count(total)}>
          <FilterSelect
            id="users-role"
            name="role"
            label={m.role}
            value={role ?? ""}
            options={userRoles.map((r) => ({ value: r, label: m.roles[r] }))}
          />
          <FilterSelect
            id="users-status"
            name="status"
            label={m.status}
            value={status ?? ""}
            options={userStatuses.map((s) => ({ value: s, label: m.statuses[s] }))}
          />
          <FilterInput id="users-q" name="q" label={m.keyword} value={q} maxLength={40} />
        </FilterForm>
      }
      pager={{ page, pages: pageCount(total, USERS_PAGE_SIZE), hrefFor: (p) => link({ page: p }) }}
    >
      <UserTable rows={rows} timeZone={timeZone} />
    </ListPage>
  );
}
