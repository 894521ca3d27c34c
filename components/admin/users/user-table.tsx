import Link from "next/link";
import { Badge, type BadgeTone, DataTable, rowLinkClass } from "@/components/admin/kit";
import type { AdminUserRow } from "@/db/queries/users/staff";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import type { UserStatus } from "@/lib/users/schema";

const m = cmsMessages.users;

const statusTone: Record<UserStatus, BadgeTone> = {
  active: "good",
  disabled: "bad",
  invited: "warn",
};

/** An account's status as a badge (the list and the account page). */
export function UserStatusBadge({ status }: { status: UserStatus }) {
  return <Badge tone={statusTone[status]}>{m.statuses[status]}</Badge>;
}

/** The console's list of accounts. */
export function UserTable({ rows, timeZone }: { rows: AdminUserRow[]; timeZone: string }) {
  return (
    <DataTable
      caption={m.table.caption}
      rows={rows}
      rowKey={(u) => u.id}
      empty={m.empty}
      columns={[
        {
          header: m.table.displayName,
          cell: (u) => (
            <Link href={`/admin/users/${u.id}`} className={rowLinkClass}>
              {u.displayName}
            </Link>
          ),
        },
        { header: m.table.username, className: "font-mono text-sm", cell: (u) => u.username },
        { header: m.table.role, cell: (u) => m.roles[u.role] },
        {
          header: m.table.scope,
          className: "text-sm",
          cell: (u) => [u.sectorName, u.organisationName].filter(Boolean).join(" / "),
        },
        {
          header: m.table.phone,
          className: "font-mono text-sm",
          cell: (u) => u.phoneMasked ?? "",
        },
        { header: m.table.status, cell: (u) => <UserStatusBadge status={u.status} /> },
        {
          header: m.table.totp,
          className: "text-sm",
          cell: (u) => (u.totpEnabled ? m.totpOn : m.totpOff),
        },
        {
          header: m.table.lastLogin,
          className: "whitespace-nowrap text-sm",
          cell: (u) => (u.lastLoginAt ? compactDateTime(u.lastLoginAt, timeZone) : m.never),
        },
      ]}
    />
  );
}
