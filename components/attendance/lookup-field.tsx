import { Field, wireControl } from "@/components/forms/fields";
import { registrationLookupMessages as m } from "@/lib/messages/registration-desk";

/**
 * "Find my registration"'s field: the code typed, and the refusal when there is one. No
 * hooks: /registrations draws it on the server; the desk (registration-desk.tsx) posts it.
 */
export function LookupField({ typed, error }: { typed: string; error: string | null }) {
  return (
    <>
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
    </>
  );
}
