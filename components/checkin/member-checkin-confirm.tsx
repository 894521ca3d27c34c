"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { checkinMessages } from "@/lib/messages/checkin";
import { type MemberCheckinAnswer, MemberCheckinResult } from "./member-checkin-result";

const m = checkinMessages.member;

export type MemberCheckinState = FormState<{ e: string; t: string }, MemberCheckinAnswer>;
export type MemberCheckinAction = (
  previous: MemberCheckinState,
  formData: FormData,
) => Promise<MemberCheckinState>;

/**
 * The member's sign-in at the venue, after the QR's address checked out: the event, and one
 * big 确认签到 button in a plain form (a POST to the server action, which records the
 * attendance); the answer takes the button's place. Without JavaScript the form posts to
 * this same address and the page shows the answer. Signed in already: the answer at once.
 */
export function MemberCheckinConfirm({
  initial,
  event,
  action,
  permalink,
}: {
  initial: MemberCheckinState;
  event: { title: string; when: string };
  action: MemberCheckinAction;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  if (state.result) return <MemberCheckinResult answer={state.result} />;
  return (
    <form action={formAction} className="space-y-5">
      <h1 className="font-serif text-3xl font-bold text-ink">{m.confirmTitle}</h1>
      {state.message && (
        <p
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
        >
          {state.message}
        </p>
      )}
      <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-lg">
        {[
          [m.event, event.title],
          [m.when, event.when],
        ].map(([label, value]) => (
          <div key={label} className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-3 px-4 py-3">
            <dt className="text-muted">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-lg text-muted">{m.confirmIntro}</p>
      <input type="hidden" name="e" value={state.values.e} />
      <input type="hidden" name="t" value={state.values.t} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-xl bg-brand-700 px-6 py-5 text-2xl font-bold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? m.confirming : m.confirm}
      </button>
    </form>
  );
}
