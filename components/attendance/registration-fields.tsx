import { bindFields, Checkbox, Honeypot, Input } from "@/components/forms/fields";
// Types only from lib/attendance: its zod schema must not reach the browser.
import type { RegistrationField, RegistrationFormState } from "@/lib/attendance";
import { registrationFormMessages as m } from "@/lib/messages/registration-desk";

/**
 * The registration form's fields, with what was typed and a message per field. No hooks:
 * the event's page draws them on the server; only after a refused submission with
 * JavaScript does the browser draw them again (registration-answer.tsx, loaded then).
 */
export function RegistrationFields({
  state,
  eventId,
  honeypotName,
}: {
  state: Pick<RegistrationFormState, "values" | "fieldErrors">;
  eventId: number;
  honeypotName: string;
}) {
  const { values, fieldErrors } = state;
  const field = bindFields((name: RegistrationField) => `registration-${name}`, state, m);
  return (
    <>
      <input type="hidden" name="eventId" value={eventId} />
      <fieldset className="space-y-4">
        <legend className="sr-only">{m.legend}</legend>
        <Input
          {...field("name", m.name, { hint: m.nameHint })}
          autoComplete="name"
          maxLength={30}
        />
        <Input
          {...field("phone", m.phone, { hint: m.phoneHint })}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
        />
        <Input
          {...field("organisation", m.organisation, { hint: m.organisationHint, optional: true })}
          autoComplete="organization"
          maxLength={60}
        />
        <Honeypot id="registration-hp" name={honeypotName} label={m.honeypot} />
        <Checkbox
          id="registration-consent"
          name="consent"
          value="yes"
          required
          defaultChecked={values.consent === "yes"}
          error={fieldErrors.consent}
          label={m.consent}
          labelClassName="text-sm leading-relaxed"
        />
      </fieldset>
    </>
  );
}

/** The form before its first submission. */
export const idleRegistration: RegistrationFormState = {
  status: "idle",
  message: null,
  fieldErrors: {},
  values: { name: "", phone: "", organisation: "", consent: "" },
};
