import Link from "next/link";
import { attendanceMessages } from "@/lib/messages/attendance";

const m = attendanceMessages.lookup;

/** An old /registrations/<code> address: where to look it up now, the code not repeated. */
export default function OldRegistrationAddressNotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="font-serif text-2xl font-bold text-ink sm:text-3xl">{m.oldLinkTitle}</h1>
      <p className="text-muted">{m.oldLinkBody}</p>
      <p>
        <Link href="/registrations" className="text-brand-700 underline underline-offset-2">
          {m.toLookup}
        </Link>
      </p>
    </div>
  );
}
