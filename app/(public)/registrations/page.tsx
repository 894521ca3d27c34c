import type { Metadata } from "next";
import { LookupField } from "@/components/attendance/lookup-field";
import { RegistrationDesk } from "@/components/attendance/registration-desk";
import { attendanceMessages } from "@/lib/messages/attendance";
import { registrationDeskAction } from "./actions";

const m = attendanceMessages.lookup;

export const metadata: Metadata = { title: m.metaTitle, robots: { index: false } };

/**
 * Find my registration: the code is typed (or comes from a link's fragment) and POSTed;
 * the answer, the registration and its cancel form, is rendered here. Nothing is looked
 * up from the address: a code never belongs in a URL that a proxy or access log keeps.
 */
export default function FindRegistrationPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="font-serif text-2xl font-bold text-ink sm:text-3xl">{m.heading}</h1>
      <p className="text-muted">{m.intro}</p>
      <RegistrationDesk action={registrationDeskAction} submitLabel={m.submit}>
        <LookupField typed="" error={null} />
      </RegistrationDesk>
    </div>
  );
}
