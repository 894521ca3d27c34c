import type { Metadata } from "next";
import { ListFilter, ListPage } from "@/components/admin/kit";
import { UserTable } from "@/components/admin/users/user-table";
import { listUsers, USERS_PAGE_SIZE } from "@/db/queries/users/staff";
import * as list from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { userRoles, userStatuses } from "@/lib/vocabulary";
import { committeeToday, requireStaff } from "@/server/action";

const m = cmsMessages.users;
const roleOptions = userRoles.map((r) => ({ value: r, label: m.roles[r] }));
const statusOptions = userStatuses.map((s) => ({ value: s, label: m.statuses[s] }));

export const metadata: Metadata = { title: m.title, robots: { index: false } };

export default async function AdminUsersPage({ searchParams }: list.ListPageProps) {
  await requireStaff("user.manage", "/admin/users");
  const params = await searchParams;
  const role = list.choiceParam(params.role, userRoles, null);
  const status = list.choiceParam(params.status, userStatuses, null);
  const q = list.textParam(params.q, 40);
  const page = list.pageParam(params.page);
  const [{ rows, total }, { timeZone }] = await Promise.all([
    listUsers({ role, status, q, page }),
    committeeToday(),
  ]);
  const link = list.listHref("/admin/users", { role, status, q });
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      create={{ href: "/admin/users/new", label: m.newUser }}
      filters={
        <ListFilter
          action="/admin/users"
          label={m.filters}
          total={total}
          selects={[
            { name: "role", label: m.role, value: role ?? "", options: roleOptions },
            { name: "status", label: m.status, value: status ?? "", options: statusOptions },
          ]}
          search={{ label: m.keyword, value: q, maxLength: 40 }}
        />
      }
      pager={list.pagerFor(page, total, USERS_PAGE_SIZE, link)}
    >
      <UserTable rows={rows} timeZone={timeZone} />
    </ListPage>
  );
}
