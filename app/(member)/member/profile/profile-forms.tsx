"use client";

import {
  ActionForm,
  CodeField,
  CurrentPasswordField,
  NewPasswordFields,
  SubmitButton,
} from "@/components/auth/form-parts";
import { ProfileSection } from "@/components/auth/profile-sections";
import { Checkbox, Input } from "@/components/forms/fields";
import { type FormState, idleForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { deliveryMessages } from "@/lib/messages/notification-delivery";
import type { ChannelChoicesValues } from "@/lib/notifications/channel-choices";
import { changePasswordAction, saveNotificationChannelsAction, turnOffTotpAction } from "./actions";

const PROFILE = "/member/profile";
const look = "max-w-md space-y-4";

export function ChangePasswordForm({ rules }: { rules: string }) {
  return (
    <ActionForm action={changePasswordAction} permalink={PROFILE} className={look}>
      {({ fieldErrors }) => (
        <>
          <CurrentPasswordField
            id="profile-current"
            label={m.profile.current}
            error={fieldErrors.current}
          />
          <NewPasswordFields
            idPrefix="profile"
            labels={{ password: m.profile.newPassword, confirm: m.profile.confirm }}
            hint={rules}
            fieldErrors={fieldErrors}
          />
          <SubmitButton>{m.profile.passwordSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function TurnOffTotpForm() {
  return (
    <ActionForm action={turnOffTotpAction} permalink={PROFILE} className={look}>
      {({ fieldErrors }) => (
        <>
          <CurrentPasswordField
            id="totp-off-current"
            label={m.profile.current}
            hint={m.profile.totpDisableHint}
            error={fieldErrors.current}
          />
          <CodeField
            id="totp-off-code"
            name="oldCode"
            recovery
            label={m.profile.totpDisableCode}
            hint={m.enrol.oldCodeHint}
            error={fieldErrors.oldCode}
          />
          <SubmitButton variant="danger">{m.profile.totpDisable}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

const c = deliveryMessages.channels;

/** "通知方式": the e-mail address and the channels (in-app is always on). */
export function NotificationChannelsSection({
  choices,
}: {
  choices: { email: string | null; byEmail: boolean; bySms: boolean; phoneMasked: string | null };
}) {
  const initial: FormState<ChannelChoicesValues> = idleForm({
    email: choices.email ?? "",
    byEmail: choices.byEmail ? "on" : "",
    bySms: choices.bySms ? "on" : "",
  });
  return (
    <ProfileSection id="profile-channels-heading" title={c.title}>
      <p className="mb-4 text-muted">{c.intro}</p>
      <ActionForm
        action={saveNotificationChannelsAction}
        initial={initial}
        permalink={PROFILE}
        className={look}
      >
        {({ values, fieldErrors }) => (
          <>
            <Input
              id="profile-email"
              name="email"
              type="email"
              label={c.email}
              hint={c.emailHint}
              autoComplete="email"
              maxLength={254}
              defaultValue={values.email}
              error={fieldErrors.email}
              labelClassName="block font-medium"
            />
            <Checkbox
              id="profile-by-email"
              name="byEmail"
              label={c.byEmail}
              defaultChecked={values.byEmail === "on"}
            />
            <Checkbox
              id="profile-by-sms"
              name="bySms"
              label={c.bySms}
              defaultChecked={values.bySms === "on"}
            />
            <p className="text-sm text-muted">{c.smsHint(choices.phoneMasked)}</p>
            <CurrentPasswordField
              id="profile-channels-current"
              label={m.profile.current}
              hint={c.currentHint}
              error={fieldErrors.current}
            />
            <SubmitButton>{c.save}</SubmitButton>
          </>
        )}
      </ActionForm>
    </ProfileSection>
  );
}
