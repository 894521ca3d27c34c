"use client";

import Link from "next/link";
import {
  buttonClass,
  ConsoleForm,
  type EditorProps,
  FormAlert,
  type Option,
  SelectField,
  SubmitButton,
  TextField,
  useFormAction,
} from "@/components/admin/kit";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import type {
  InvitationResult,
  InvitationState,
  UserFormState,
  UserFormValues,
} from "@/lib/users/schema";

const m = cmsMessages.users;
const f = m.fields;

/** The one-time invitation link, shown in the answer to the post that made it. */
function InvitationLink({ link, expiresAt }: InvitationResult) {
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

/** `action`: createUserAction (mode "new") or updateUserAction (mode "edit"), from the page. */
export interface UserFormProps extends EditorProps<UserFormState, UserFormValues> {
  mode: "new" | "edit";
  roles: Option[];
  sectors: Option[];
  organisations: Option[];
  isSelf: boolean;
}

/** An account: username and phone when new; name, role and scope always. */
export function UserForm({
  action,
  mode,
  id,
  initial,
  isSelf,
  permalink,
  ...choices
}: UserFormProps) {
  const { field, ...form } = useFormAction(action, idleForm(initial) as UserFormState, {
    formId: "user",
    permalink,
  });
  const { state } = form;
  const role = field.text("role");

  if (mode === "new" && state.result) {
    return (
      <div className="max-w-3xl">
        <FormAlert state={state}>
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
    <ConsoleForm
      form={form}
      hidden={{ id }}
      submit={mode === "new" ? m.newUser : cmsMessages.common.save}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "new" ? (
          <TextField
            {...field.text("username")}
            label={f.username}
            required
            hint={f.usernameHint}
            maxLength={32}
          />
        ) : (
          <TextField {...field.text("username")} error={undefined} label={f.username} readOnly />
        )}
        <TextField {...field.text("displayName")} label={f.displayName} required maxLength={40} />
        {mode === "new" && (
          <TextField
            {...field.text("phone")}
            type="tel"
            inputMode="tel"
            label={f.phone}
            optional
            hint={f.phoneHint}
            maxLength={20}
          />
        )}
        {isSelf ? (
          <>
            <input type="hidden" name="role" value={role.defaultValue} />
            <TextField
              id={role.id}
              name="roleShown"
              label={f.role}
              defaultValue={
                choices.roles.find((r) => r.value === role.defaultValue)?.label ?? role.defaultValue
              }
              readOnly
              hint={m.selfNote}
            />
          </>
        ) : (
          <SelectField
            {...role}
            label={f.role}
            required
            options={choices.roles}
            hint={f.roleHint}
          />
        )}
        <SelectField
          {...field.text("sectorId")}
          label={f.sector}
          optional
          options={choices.sectors}
        />
        <SelectField
          {...field.text("organisationId")}
          label={f.organisation}
          optional
          options={choices.organisations}
          hint={f.scopeHint}
        />
      </div>
    </ConsoleForm>
  );
}

/** "重新生成邀请链接": a new link, shown once. */
export function ReinviteForm({
  action,
  id,
  permalink,
}: {
  action: (previous: InvitationState, formData: FormData) => Promise<InvitationState>;
  id: number;
  permalink: string;
}) {
  const { state, formAction, pending } = useFormAction(action, idleForm({}) as InvitationState, {
    formId: "reinvite",
    permalink,
  });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-muted">{m.invitation.reissueHint}</p>
      <SubmitButton pending={pending} tone="secondary" pendingLabel={m.invitation.reissue}>
        {m.invitation.reissue}
      </SubmitButton>
      <FormAlert state={state}>{state.result && <InvitationLink {...state.result} />}</FormAlert>
    </form>
  );
}
