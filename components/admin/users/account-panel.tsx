import { buttonClass, Notice, Panel } from "@/components/admin/kit";
import type { UserForEdit } from "@/db/queries/users/staff";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsUsersErrors } from "@/lib/messages/cms/users";
import type { InvitationState } from "@/lib/users/schema";
import { ReinviteForm } from "./user-form";
import { UserStatusBadge } from "./user-table";

const m = cmsMessages.users;

const doneText: Record<string, string> = {
  saved: m.saved,
  disabled: m.disabled,
  enabled: m.enabled,
  totp: m.totpReset,
};
const errorText: Record<string, string> = cmsUsersErrors;
/** The words for `?done=` / `?error=` (own keys only). */
const said = (table: Record<string, string>, key: unknown) =>
  typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;

/** What the account buttons did (`?done=…`) or why they were refused (`?error=<code>`). */
export function AccountNotices({ done, error }: { done: unknown; error: unknown }) {
  const doneWords = said(doneText, done);
  const errorWords = said(errorText, error);
  return (
    <>
      {doneWords && <Notice>{doneWords}</Notice>}
      {errorWords && <Notice tone="error">{errorWords}</Notice>}
    </>
  );
}

/** The account's facts above its form: status, phone, second factor, dates. */
export function AccountFacts({ account, timeZone }: { account: UserForEdit; timeZone: string }) {
  return (
    <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[15px]">
      <dt className="text-muted">{m.status}</dt>
      <dd>
        <UserStatusBadge status={account.status} />
      </dd>
      <dt className="text-muted">{m.table.phone}</dt>
      <dd className="font-mono">{account.phoneMasked ?? cmsMessages.common.notSet}</dd>
      <dt className="text-muted">{m.table.totp}</dt>
      <dd>{account.totpEnabled ? m.totpOn : m.totpOff}</dd>
      <dt className="text-muted">{m.createdAt}</dt>
      <dd>{compactDateTime(account.createdAt, timeZone)}</dd>
      <dt className="text-muted">{m.lastLogin}</dt>
      <dd>{account.lastLoginAt ? compactDateTime(account.lastLoginAt, timeZone) : m.never}</dd>
    </dl>
  );
}

type PlainAction = (formData: FormData) => Promise<void>;

/** A one-button form for the account (the id travels as a hidden field). */
function AccountButton(props: {
  action: PlainAction;
  id: number;
  hint?: string;
  label: string;
  tone: "secondary" | "danger";
}) {
  return (
    <form action={props.action} className="space-y-2 border-t border-stone-200 pt-4">
      <input type="hidden" name="id" value={props.id} />
      {props.hint && <p className="text-sm text-muted">{props.hint}</p>}
      <button type="submit" className={buttonClass[props.tone]}>
        {props.label}
      </button>
    </form>
  );
}

/** "账号操作": a new invitation link, resetting the second factor, disabling or enabling. */
export function AccountActions({
  account,
  isSelf,
  permalink,
  actions,
}: {
  account: UserForEdit;
  isSelf: boolean;
  permalink: string;
  actions: {
    reinvite: (previous: InvitationState, formData: FormData) => Promise<InvitationState>;
    resetTotp: PlainAction;
    enable: PlainAction;
    disable: PlainAction;
  };
}) {
  const id = account.id;
  const button = (
    action: PlainAction,
    label: string,
    tone: "secondary" | "danger",
    hint?: string,
  ) => <AccountButton action={action} id={id} hint={hint} label={label} tone={tone} />;
  return (
    <Panel id="account-actions" title={m.accountActions} className="mt-8 max-w-3xl space-y-5">
      {!isSelf && account.status !== "disabled" && (
        <ReinviteForm action={actions.reinvite} id={id} permalink={permalink} />
      )}
      {!isSelf &&
        account.totpEnabled &&
        button(actions.resetTotp, m.resetTotp, "secondary", m.resetTotpHint)}
      {!isSelf &&
        (account.status === "disabled"
          ? button(actions.enable, m.enable, "secondary")
          : button(actions.disable, m.disable, "danger", m.disableHint))}
      {isSelf && <p className="text-sm text-muted">{m.selfNote}</p>}
    </Panel>
  );
}
