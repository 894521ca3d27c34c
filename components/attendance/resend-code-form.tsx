"use client";

import { useActionState } from "react";
import { Input, submitClass } from "@/components/forms/fields";
import { Notice } from "@/components/forms/notice";
import { Panel } from "@/components/forms/panel";
// Types only from lib/form-state: its helpers bring the common messages with them.
import type { FormState } from "@/lib/form-state";

export type ResendState = FormState<{ eventId: string; phone: string }>;
export type ResendAction = (previous: ResendState, formData: FormData) => Promise<ResendState>;

/**
 * The words the form shows, handed down by the page (resendFormMessages in
 * lib/messages/checkin.ts): no catalogue reaches the browser with the registration page.
 */
export interface ResendWords {
  title: string;
  intro: string;
  phone: string;
  submit: string;
  noSms: string;
}

/**
 * "忘记报名码？": the phone registered with, and the code comes again by SMS. The answer is
 * the same whether or not that phone registered. When the site sends no SMS, it says so
 * instead of offering a form that could not work.
 */
export function ResendCodeForm({
  eventId,
  action,
  smsAvailable,
  permalink,
  words: m,
}: {
  eventId: number;
  action: ResendAction;
  smsAvailable: boolean;
  permalink: string;
  words: ResendWords;
}) {
  const [state, formAction, pending] = useActionState<ResendState, FormData>(
    action,
    {
      status: "idle",
      message: null,
      fieldErrors: {},
      values: { eventId: String(eventId), phone: "" },
    },
    permalink,
  );
  return (
    <Panel
      id="resend-title"
      title={m.title}
      className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
      titleClassName="font-serif text-lg font-bold text-ink"
    >
      {!smsAvailable ? (
        <p className="mt-1 text-muted">{m.noSms}</p>
      ) : (
        <form action={formAction} noValidate className="mt-1 space-y-3">
          <p className="text-sm text-muted">{m.intro}</p>
          {state.message && <Notice ok={state.status === "ok"}>{state.message}</Notice>}
          <input type="hidden" name="eventId" value={eventId} />
          <Input
            id="resend-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            label={m.phone}
            defaultValue={state.values.phone}
            error={state.fieldErrors.phone}
          />
          <button type="submit" disabled={pending} className={submitClass}>
            {m.submit}
          </button>
        </form>
      )}
    </Panel>
  );
}
