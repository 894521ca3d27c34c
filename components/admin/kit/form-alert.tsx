"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { FormState } from "@/lib/form-state";

type Outcome = Pick<FormState, "status" | "message">;

/**
 * The form-wide message after a submission: an alert for a refusal, a status for a
 * success. With JavaScript, focus moves to it so the reader hears what happened.
 */
export function FormAlert({ state, children }: { state: Outcome; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { message } = state;
  const error = state.status !== "ok";
  // A new state object is a new submission: focus again even when the text repeats.
  useEffect(() => {
    if (state && message) ref.current?.focus();
  }, [state, message]);
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
