"use client";

import { useEffect, useRef } from "react";

/**
 * The form-wide message after a submission: an alert for refusals, a status for
 * successes. With JavaScript, focus moves to it so the reader hears what happened.
 */
export function FormAlert({
  message,
  tone = "error",
  children,
}: {
  message: string | null;
  tone?: "error" | "success";
  children?: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded-md border px-4 py-3 ${
        tone === "error"
          ? "border-brand-200 bg-brand-50 text-brand-900"
          : "border-emerald-300 bg-emerald-50 text-emerald-900"
      }`}
    >
      <p className="font-medium">{message}</p>
      {children}
    </div>
  );
}
