import { Field, wireControl } from "@/components/forms/fields";
import { attendanceMessages } from "@/lib/messages/attendance";

const m = attendanceMessages.lookup;

/** "Find my registration": a plain GET form to /registrations, with the refusal if any. */
export function RegistrationLookupForm({ typed, error }: { typed: string; error: string | null }) {
  return (
    <form
      method="get"
      action="/registrations"
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
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
      >
        {m.submit}
      </button>
    </form>
  );
}
