"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  createUserAction,
  type InvitationState,
  reinviteAction,
  updateUserAction,
} from "@/app/(admin)/admin/users/actions";
import type { UserFormState, UserFormValues } from "@/app/(admin)/admin/users/schema";
import { cmsMessages } from "@/lib/messages/cms";
import { buttonClass, type Option, SelectField, TextField } from "./fields";
import { FormAlert } from "./form-alert";

const m = cmsMessages.users;
const f = m.fields;

/** The one-time invitation link, shown in the answer to the post that made it. */
function InvitationLink({ link, expiresAt }: { link: string; expiresAt: string }) {
  return (
    <section
      aria-labelledby="invitation-title"
      className="mt-3 rounded-md border border-gold-500 bg-gold-100 p-4 text-ink"
    >
      <h2 id="invitation-title" className="font-semibold">
        {m.invitation.title}
      </h2>
      <label htmlFor="invitation-link" className="mt-2 block text-sm font-medium">
        {m.invitation.copyLabel}
      </label>
      <input
        id="invitation-link"
        readOnly
        value={link}
        className="mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2 font-mono text-sm"
      />
      <p className="mt-2 text-sm">{m.invitation.hint(expiresAt)}</p>
    </section>
  );
}

export function UserForm({
  mode,
  id,
  initial,
  roles,
  sectors,
  organisations,
  isSelf,
  permalink,
}: {
  mode: "new" | "edit";
  id: number | null;
  initial: UserFormValues;
  roles: Option[];
  sectors: Option[];
  organisations: Option[];
  isSelf: boolean;
  permalink: string;
}) {
  const initialState: UserFormState = { values: initial, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(
    mode === "new" ? createUserAction : updateUserAction,
    initialState,
    permalink,
  );
  const v = state.values;
  const e = state.fieldErrors;
  const fid = (name: string) => `user-${name}`;

  if (mode === "new" && state.result) {
    return (
      <div className="max-w-3xl">
        <FormAlert message={state.message} tone="success">
          <InvitationLink {...state.result} />
        </FormAlert>
        <p className="mt-4 flex gap-3">
          <Link href="/admin/users" className={buttonClass.secondary}>
            {cmsMessages.common.back}
          </Link>
          <Link href="/admin/users/new" className={buttonClass.quiet}>
            {m.newUser}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <FormAlert message={state.message} tone={state.tone} />
      {id !== null && <input type="hidden" name="id" value={id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "new" ? (
          <TextField
            id={fid("username")}
            name="username"
            label={f.username}
            required
            defaultValue={v.username}
            error={e.username}
            hint={f.usernameHint}
            maxLength={32}
          />
        ) : (
          <TextField
            id={fid("username")}
            name="username"
            label={f.username}
            defaultValue={v.username}
            readOnly
          />
        )}
        <TextField
          id={fid("displayName")}
          name="displayName"
          label={f.displayName}
          required
          defaultValue={v.displayName}
          error={e.displayName}
          maxLength={40}
        />
        {mode === "new" && (
          <TextField
            id={fid("phone")}
            name="phone"
            type="tel"
            inputMode="tel"
            label={f.phone}
            optional
            defaultValue={v.phone}
            error={e.phone}
            hint={f.phoneHint}
            maxLength={20}
          />
        )}
        {isSelf ? (
          <>
            <input type="hidden" name="role" value={v.role} />
            <TextField
              id={fid("role")}
              name="roleShown"
              label={f.role}
              defaultValue={roles.find((r) => r.value === v.role)?.label ?? v.role}
              readOnly
              hint={m.selfNote}
            />
          </>
        ) : (
          <SelectField
            id={fid("role")}
            name="role"
            label={f.role}
            required
            options={roles}
            defaultValue={v.role}
            error={e.role}
            hint={f.roleHint}
          />
        )}
        <SelectField
          id={fid("sectorId")}
          name="sectorId"
          label={f.sector}
          optional
          options={sectors}
          placeholder={cmsMessages.common.none}
          defaultValue={v.sectorId}
          error={e.sectorId}
        />
        <SelectField
          id={fid("organisationId")}
          name="organisationId"
          label={f.organisation}
          optional
          options={organisations}
          placeholder={cmsMessages.common.none}
          defaultValue={v.organisationId}
          error={e.organisationId}
          hint={f.scopeHint}
        />
      </div>
      <div className="border-t border-stone-300 pt-4">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending
            ? cmsMessages.common.saving
            : mode === "new"
              ? m.newUser
              : cmsMessages.common.save}
        </button>
      </div>
    </form>
  );
}

/** "重新生成邀请链接": a new link, shown once. */
export function ReinviteForm({ id, permalink }: { id: number; permalink: string }) {
  const initial: InvitationState = { values: {}, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(reinviteAction, initial, permalink);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-muted">{m.invitation.reissueHint}</p>
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        {m.invitation.reissue}
      </button>
      <FormAlert message={state.message} tone={state.tone}>
        {state.result && <InvitationLink {...state.result} />}
      </FormAlert>
    </form>
  );
}
