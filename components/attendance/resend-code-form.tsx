"use client";

import { useActionState } from "react";
import { Input, submitClass } from "@/components/forms/fields";
import { Notice } from "@/components/forms/notice";
import { Panel } from "@/components/forms/panel";
import { type FormState, idleForm } from "@/lib/form-state";
import { checkinMessages } from "@/lib/messages/checkin";

const m = checkinMessages.resend;

export type ResendState = FormState<{ eventId: string; phone: string }>;
export type ResendAction = (previous: ResendState, formData: FormData) => Promise<ResendState>;

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
}: {
  eventId: number;
  action: ResendAction;
  smsAvailable: boolean;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    idleForm({ eventId: String(eventId), phone: "" }),
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
