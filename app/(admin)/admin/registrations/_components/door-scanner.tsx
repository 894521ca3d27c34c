"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { buttonClass, TextField } from "@/components/admin/kit";
import { QrScanner } from "@/components/checkin/qr-scanner";
import { idleForm } from "@/lib/form-state";
import { checkinMessages } from "@/lib/messages/checkin";
import { type ScanState, scanCheckInAction } from "../[eventId]/checkin/actions";

const m = checkinMessages.staff;

const tones = {
  checked_in: "border-emerald-700 bg-emerald-50 text-emerald-950",
  already: "border-amber-600 bg-amber-50 text-amber-950",
  refused: "border-brand-700 bg-brand-50 text-brand-900",
  idle: "border-stone-300 bg-white text-muted",
} as const;

/**
 * The door on a phone: the camera (QR codes of registration receipts) and a typed code,
 * both posted to one action; every answer large, and announced (aria-live) so a busy
 * volunteer hears it too. Without JavaScript the typed form posts to this page.
 */
export function DoorScanner({ eventId, permalink }: { eventId: number; permalink: string }) {
  const initial: ScanState = idleForm({ eventId: String(eventId), code: "" });
  const [state, formAction, pending] = useActionState(scanCheckInAction, initial, permalink);
  const [camera, setCamera] = useState(false);
  const [count, setCount] = useState(0);
  useEffect(() => setCamera(true), []);
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current !== state) setCount((n) => n + 1);
    previous.current = state;
  }, [state]);

  const submitScanned = (text: string) => {
    const form = new FormData();
    form.set("eventId", String(eventId));
    form.set("code", text);
    startTransition(() => formAction(form));
  };

  const tone =
    state.status === "ok"
      ? (state.result?.outcome ?? "checked_in")
      : state.status === "error"
        ? "refused"
        : "idle";
  return (
    <div className="space-y-5">
      <section aria-labelledby="scan-result-title" className="space-y-2">
        <h2 id="scan-result-title" className="sr-only">
          {m.resultTitle}
        </h2>
        <div
          aria-live="assertive"
          aria-atomic="true"
          data-outcome={tone}
          data-count={count}
          className={`min-h-24 rounded-xl border-4 p-4 text-2xl font-bold leading-snug ${tones[tone]}`}
        >
          <p>{state.message ?? m.waiting}</p>
        </div>
      </section>
      {camera && <QrScanner onDecode={submitScanned} />}
      <form
        action={formAction}
        noValidate
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 className="font-serif text-lg font-bold text-ink">{m.typedTitle}</h2>
        <input type="hidden" name="eventId" value={eventId} />
        <TextField
          key={`code-${count}`}
          id="scan-code"
          name="code"
          label={m.code}
          hint={m.codeHint}
          defaultValue={state.status === "error" ? state.values.code : ""}
          error={state.fieldErrors.code}
          maxLength={20}
          autoComplete="off"
          className="w-full"
        />
        <button
          type="submit"
          className={`${buttonClass.primary} w-full py-3 text-lg`}
          disabled={pending}
        >
          {m.submit}
        </button>
      </form>
    </div>
  );
}
