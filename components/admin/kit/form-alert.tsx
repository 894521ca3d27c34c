"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { FormState } from "@/lib/form-state";

type Outcome = Pick<FormState, "status" | "message">;

/**
 * The form-wide message after a submission: an alert for a refusal, a status for a
 * success. With JavaScript, focus moves to it so the reader hears what happened.
 * Pass the form's `state`. (`message` + `tone` are the older spelling, kept until the
 * last form has moved to `FormState`.)
 */
export function FormAlert({
  state,
  message: legacyMessage,
  tone,
  children,
}: {
  state?: Outcome;
  message?: string | null;
  tone?: "error" | "success";
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const message = state ? state.message : (legacyMessage ?? null);
  const error = state ? state.status !== "ok" : tone !== "success";
  // A new state object is a new submission: focus again even when the text repeats.
  const trigger = state ?? message;
  useEffect(() => {
    if (trigger && message) ref.current?.focus();
  }, [trigger, message]);
  if (!message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={error ? "alert" : "status"}
      className={`mb-4 rounded-md border px-4 py-3 ${
        error
          ? "border-brand-200 bg-brand-50 text-brand-900"
          : "border-emerald-300 bg-emerald-50 text-emerald-900"
      }`}
    >
      <p className="font-medium">{message}</p>
      {children}
    </div>
  );
}
