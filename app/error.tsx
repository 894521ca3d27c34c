"use client";

import { commonMessages as messages } from "@/lib/messages/common";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const m = messages.errors;
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-bold">{m.serverTitle}</h1>
      <p className="mt-2 text-muted">{m.serverBody}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        {m.retry}
      </button>
    </main>
  );
}
