"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/form-state";

/**
 * The outcome of a form: a confirmation (polite) or a refusal (alert, focused so that
 * keyboard and screen-reader users land on it).
 */
export function FormMessage({ state }: { state: Pick<FormState, "status" | "message"> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error" && state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  const error = state.status === "error";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={error ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-[15px] ${
        error
          ? "border-brand-200 bg-brand-50 text-brand-800"
          : "border-emerald-200 bg-emerald-50 text-emerald-900"
      }`}
    >
      {state.message}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-brand-700">
      {message}
    </p>
  );
}
