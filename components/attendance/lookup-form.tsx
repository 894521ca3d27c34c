"use client";

import { useEffect, useRef } from "react";
import { Field, wireControl } from "@/components/forms/fields";
import { registrationLookupMessages as m } from "@/lib/messages/registration-desk";

/** A code handed on in a link's fragment (`/registrations#code=K7QM-3XPD`), if any. */
function codeFromFragment(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, "")).get("code")?.trim() ?? "";
  return /^[0-9A-Za-z -]{8,20}$/.test(code) ? code : null;
}

/**
 * "Find my registration": the code is typed and POSTed to the desk's server action (never
 * put in a URL). A link that carries the code in its fragment, which browsers never send,
 * fills the field and looks it up once the page runs its script; without JavaScript the
 * code is typed.
 */
export function RegistrationLookupForm({
  action,
  typed,
  error,
  pending,
}: {
  action: (formData: FormData) => void;
  typed: string;
  error: string | null;
  pending: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const code = codeFromFragment(window.location.hash);
    if (!code || !inputRef.current || inputRef.current.value) return;
    inputRef.current.value = code;
    formRef.current?.requestSubmit();
  }, []);

  return (
    <form
      ref={formRef}
      action={action}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
    >
      {error && (
        <p
          id="code-error"
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
        >
          {error}
        </p>
      )}
      <input type="hidden" name="intent" value="lookup" />
      {/* The refusal above is the field's error (code-error). */}
      <Field id="code" label={m.label} hint={m.hint}>
        <input
          ref={inputRef}
          name="code"
          type="text"
          required
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={typed}
          {...wireControl("code", true, error ?? undefined)}
          className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 font-mono text-lg uppercase tracking-widest ${
            error ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
          }`}
        />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {m.submit}
      </button>
    </form>
  );
}
