"use client";

import { useEffect, useState } from "react";

/** Opens the print dialog; without JavaScript it is not shown, and the hint says Ctrl+P. */
export function PrintButton({ label, hint }: { label: string; hint: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <span className="inline-flex flex-wrap items-center gap-2 print:hidden">
      {ready && (
        <button
          type="button"
          onClick={() => window.print()}
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {label}
        </button>
      )}
      <span className="text-sm text-muted">{hint}</span>
    </span>
  );
}
