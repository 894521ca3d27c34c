"use client";

import { type ReactNode, useActionState } from "react";
import type { EnrolFormState } from "@/lib/auth/forms";
import { idleForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { CodeField, CurrentPasswordField, FormMessage, SubmitButton } from "./form-parts";

/**
 * Setting up an authenticator app: the QR code (an SVG data URI: no script, no request),
 * the secret for typing in by hand, a code to confirm; then, once, the recovery codes
 * and whatever comes next (`afterCodes`). `setup` is null when the secret is already in
 * force: the page re-rendered after the confirmation, or was visited again.
 */
export function TotpSetup({
  action,
  permalink,
  setup,
  afterCodes,
  cancel,
  reauth,
}: {
  action: (state: EnrolFormState, formData: FormData) => Promise<EnrolFormState>;
  permalink: string;
  setup: { qrDataUri: string; secret: string } | null;
  afterCodes: ReactNode;
  cancel?: ReactNode;
  /**
   * From the account page: the current password, and (`oldCode`: a second factor is on)
   * a code of the authenticator in force or a recovery code, asked before anything changes.
   */
  reauth?: { oldCode: boolean };
}) {
  const [state, formAction] = useActionState<EnrolFormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const recoveryCodes = state.result?.recoveryCodes;
  if (recoveryCodes) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <h2 className="text-lg font-bold text-brand-800">{m.enrol.recoveryTitle}</h2>
        <p className="text-muted">{m.enrol.recoveryIntro}</p>
        <ul
          aria-label={m.enrol.recoveryListLabel}
          className="grid grid-cols-2 gap-2 rounded-md border border-stone-300 bg-paper p-4 font-mono text-base"
        >
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        {afterCodes}
      </div>
    );
  }
  if (!setup) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2">
          {m.enrol.done}
        </p>
        {afterCodes}
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-2 pl-5">
        <li>{m.enrol.step1}</li>
        <li>{m.enrol.step2}</li>
        <li>{m.enrol.step3}</li>
      </ol>
      <div className="flex flex-col items-center gap-3 rounded-md border border-stone-300 bg-white p-4">
        {/* biome-ignore lint/performance/noImgElement: an inline SVG data URI, nothing to optimise */}
        <img
          src={setup.qrDataUri}
          alt={m.enrol.qrAlt}
          width={200}
          height={200}
          className="h-48 w-48"
        />
        <dl className="text-center">
          <dt className="text-sm text-muted">{m.enrol.secretLabel}</dt>
          <dd data-testid="totp-secret" className="break-all font-mono text-base tracking-wide">
            {setup.secret}
          </dd>
        </dl>
      </div>
      <form action={formAction} className="space-y-5" noValidate>
        <FormMessage state={state} />
        {reauth && (
          <>
            <p className="text-muted">{m.enrol.reauthIntro}</p>
            <CurrentPasswordField
              id="enrol-current"
              label={m.profile.current}
              error={state.fieldErrors.current}
            />
            {reauth.oldCode && (
              <CodeField
                id="enrol-old-code"
                name="oldCode"
                recovery
                label={m.enrol.oldCode}
                hint={m.enrol.oldCodeHint}
                error={state.fieldErrors.oldCode}
              />
            )}
          </>
        )}
        <CodeField id="enrol-code" label={m.enrol.code} error={state.fieldErrors.code} />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{m.enrol.submit}</SubmitButton>
        </div>
      </form>
      {cancel}
    </div>
  );
}
