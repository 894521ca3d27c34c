import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import { AdminPageHeader, Badge, Notice } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { ReinviteForm, UserForm } from "@/components/admin/content/user-form";
import type { CmsError } from "@/db/queries/admin-content";
import { getUserForEdit, getUserFormOptions } from "@/db/queries/admin-users";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { disableUserAction, enableUserAction, resetTotpAction } from "../actions";
import { userChoices } from "../view";

const m = cmsMessages.users;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const doneText: Record<string, string> = {
  saved: m.saved,
  disabled: m.disabled,
  enabled: m.enabled,
  totp: m.totpReset,
};

export default async function EditUserPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const admin = await requireStaff("user.manage", {
    roles: ["admin"],
    next: `/admin/users/${raw}`,
  });
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const [account, options, committee, query] = await Promise.all([
    getUserForEdit(Number(raw)),
    getUserFormOptions(),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!account) notFound();
  const tz = committee.timeZone;
  const isSelf = account.id === admin.id;
  const done = typeof query.done === "string" ? (doneText[query.done] ?? null) : null;
  const errorCode =
    typeof query.error === "string" && query.error in cmsMessages.errors
      ? (query.error as CmsError["code"])
      : null;
  const permalink = `/admin/users/${account.id}`;

  return (
    <div>
      <AdminPageHeader
        title={m.editTitle(account.displayName)}
        back={{ href: "/admin/users", label: cmsMessages.common.back }}
      />
      <Notice>{done}</Notice>
      {errorCode && <Notice tone="error">{cmsMessages.errors[errorCode]}</Notice>}
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[15px]">
        <dt className="text-muted">{m.status}</dt>
        <dd>
          <Badge
            tone={
              account.status === "active" ? "good" : account.status === "disabled" ? "bad" : "warn"
            }
          >
            {m.statuses[account.status]}
          </Badge>
        </dd>
        <dt className="text-muted">{m.table.phone}</dt>
        <dd className="font-mono">{account.phoneMasked ?? cmsMessages.common.notSet}</dd>
        <dt className="text-muted">{m.table.totp}</dt>
        <dd>{account.totpEnabled ? m.totpOn : m.totpOff}</dd>
        <dt className="text-muted">{m.createdAt}</dt>
        <dd>{compactDateTime(account.createdAt, tz)}</dd>
        <dt className="text-muted">{m.lastLogin}</dt>
        <dd>{account.lastLoginAt ? compactDateTime(account.lastLoginAt, tz) : m.never}</dd>
      </dl>

      <UserForm
        mode="edit"
        id={account.id}
        initial={{
          username: account.username,
          displayName: account.displayName,
          phone: "",
          role: account.role,
          sectorId: account.sectorId === null ? "" : String(account.sectorId),
          organisationId: account.organisationId === null ? "" : String(account.organisationId),
        }}
        {...userChoices(options)}
        isSelf={isSelf}
        permalink={permalink}
      />

      <section
        aria-labelledby="account-actions"
        className="mt-8 max-w-3xl space-y-5 rounded-md border border-stone-300 bg-white p-4 sm:p-5"
      >
        <h2 id="account-actions" className="font-serif text-lg font-bold text-brand-800">
          {m.accountActions}
        </h2>
        {account.status !== "disabled" && <ReinviteForm id={account.id} permalink={permalink} />}
        {account.totpEnabled && (
          <form action={resetTotpAction} className="space-y-2 border-t border-stone-200 pt-4">
            <input type="hidden" name="id" value={account.id} />
            <p className="text-sm text-muted">{m.resetTotpHint}</p>
            <button type="submit" className={buttonClass.secondary}>
              {m.resetTotp}
            </button>
          </form>
        )}
        {!isSelf &&
          (account.status === "disabled" ? (
            <form action={enableUserAction} className="border-t border-stone-200 pt-4">
              <input type="hidden" name="id" value={account.id} />
              <button type="submit" className={buttonClass.secondary}>
                {m.enable}
              </button>
            </form>
          ) : (
            <form action={disableUserAction} className="space-y-2 border-t border-stone-200 pt-4">
              <input type="hidden" name="id" value={account.id} />
              <p className="text-sm text-muted">{m.disableHint}</p>
              <button type="submit" className={buttonClass.danger}>
                {m.disable}
              </button>
            </form>
          ))}
        {isSelf && <p className="text-sm text-muted">{m.selfNote}</p>}
      </section>
    </div>
  );
}
