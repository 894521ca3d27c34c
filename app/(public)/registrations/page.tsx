import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RegistrationLookupForm } from "@/components/attendance/lookup-form";
import { getRegistrationByCode } from "@/db/queries/registrations/public";
import { normalizeRegistrationCode } from "@/lib/attendance";
import { attendanceMessages } from "@/lib/messages/attendance";
import { lookupMisses } from "./lookup-limit";

const m = attendanceMessages.lookup;

export const metadata: Metadata = { title: m.metaTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Find my registration: a plain GET form; a known code goes to its page. */
export default async function FindRegistrationPage({ searchParams }: Props) {
  const query = await searchParams;
  const typed = typeof query.code === "string" ? query.code.slice(0, 40) : "";
  const error = typed ? await lookUp(typed) : null;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-serif text-2xl font-bold text-ink sm:text-3xl">{m.heading}</h1>
      <p className="text-muted">{m.intro}</p>
      <RegistrationLookupForm typed={typed} error={error} />
    </div>
  );
}

/** Redirects to the registration when the code exists; otherwise the message to show. */
async function lookUp(typed: string): Promise<string> {
  const code = normalizeRegistrationCode(typed);
  if (!code) return m.invalid;
  const misses = await lookupMisses();
  if (await misses.blocked()) return m.rateLimited;
  if (await getRegistrationByCode(code)) redirect(`/registrations/${code}`);
  await misses.miss();
  return m.notFound;
}
