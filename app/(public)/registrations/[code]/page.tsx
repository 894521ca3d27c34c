import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import {
  CancelRegistrationForm,
  LookupRefused,
  RegistrationNotices,
  RegistrationReceipt,
} from "@/components/attendance/registration-receipt";
import { getRegistrationByCode } from "@/db/queries/registrations/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { canCancelRegistration, normalizeRegistrationCode } from "@/lib/attendance";
import { attendanceMessages } from "@/lib/messages/attendance";
import { lookupMisses } from "../lookup-limit";
import { cancelRegistrationAction } from "./actions";

const m = attendanceMessages.confirmation;

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The code in the address is the key to the registration: keep it out of search
// engines and out of the Referer sent to other sites. ("no-referrer" would also make
// browsers send `Origin: null` with the cancel form, which the server actions refuse.)
export const metadata: Metadata = {
  title: m.metaTitle,
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

export default async function RegistrationPage({ params, searchParams }: Props) {
  const [{ code: raw }, query] = await Promise.all([params, searchParams]);
  const code = normalizeRegistrationCode(raw);
  if (!code) notFound();
  // "k7qm3xpd" typed into the address bar: the one canonical address.
  if (code !== raw) redirect(`/registrations/${code}`);

  const misses = await lookupMisses();
  if (await misses.blocked()) return <LookupRefused />;
  const [registration, committee] = await Promise.all([
    getRegistrationByCode(code),
    getCommitteeInfo(),
  ]);
  if (!registration) {
    await misses.miss();
    notFound();
  }

  const error = typeof query.error === "string" ? query.error : null;
  const errorMessage =
    error && error in m.cancelErrors ? m.cancelErrors[error as keyof typeof m.cancelErrors] : null;
  const cancellable =
    registration.status !== "cancelled" && canCancelRegistration(registration.event, new Date());
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="font-serif text-2xl font-bold text-ink sm:text-3xl">{m.heading}</h1>
      <RegistrationNotices
        created={query.new === "1" && registration.status !== "cancelled"}
        cancelled={query.cancelled === "1"}
        error={errorMessage}
      />
      <RegistrationReceipt registration={registration} timeZone={committee.timeZone} />
      {cancellable && (
        <CancelRegistrationForm code={registration.code} action={cancelRegistrationAction} />
      )}
      {registration.status !== "cancelled" && !cancellable && (
        <p className="text-sm text-muted">{m.cancelNotPossible}</p>
      )}
      <p className="text-sm">
        <Link href={`/events/${registration.event.id}`} className="text-brand-700 hover:underline">
          {m.backToEvent}
          <span aria-hidden="true"> ›</span>
        </Link>
      </p>
    </div>
  );
}
