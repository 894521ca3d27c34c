import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/kit";
import {
  AccountActions,
  AccountFacts,
  AccountNotices,
} from "@/components/admin/users/account-panel";
import { UserForm } from "@/components/admin/users/user-form";
import { getUserForEdit, getUserFormOptions } from "@/db/queries/users/staff";
import { idParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { userChoices, userFormValues } from "@/lib/users/schema";
import { committeeToday, requireStaff } from "@/server/action";
import {
  disableUserAction,
  enableUserAction,
  reinviteAction,
  resetTotpAction,
  updateUserAction,
} from "../actions";

const m = cmsMessages.users;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditUserPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const admin = await requireStaff("user.manage", `/admin/users/${raw}`);
  const id = idParam(raw);
  if (id === null) notFound();
  const [account, options, { timeZone }, query] = await Promise.all([
    getUserForEdit(id),
    getUserFormOptions(),
    committeeToday(),
    searchParams,
  ]);
  if (!account) notFound();
  const isSelf = account.id === admin.id;
  const permalink = `/admin/users/${account.id}`;
  return (
    <div>
      <PageHeader
        title={m.editTitle(account.displayName)}
        back={{ href: "/admin/users", label: cmsMessages.common.back }}
      />
      <AccountNotices done={query.done} error={query.error} />
      <AccountFacts account={account} timeZone={timeZone} />
      <UserForm
        action={updateUserAction}
        mode="edit"
        id={account.id}
        initial={userFormValues(account)}
        {...userChoices(options)}
        isSelf={isSelf}
        permalink={permalink}
      />
      <AccountActions
        account={account}
        isSelf={isSelf}
        permalink={permalink}
        actions={{
          reinvite: reinviteAction,
          resetTotp: resetTotpAction,
          enable: enableUserAction,
          disable: disableUserAction,
        }}
      />
    </div>
  );
}
