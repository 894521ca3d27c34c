import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRegistrationByCode } from "@/db/queries/registrations";
import { attendanceRateLimits, normalizeRegistrationCode } from "@/lib/attendance";
import { clientIpFrom } from "@/lib/client-ip";
import { attendanceMessages } from "@/lib/messages/attendance";
import { sharedRateLimiter } from "@/server/rate-limit";

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
        <div>
          <label htmlFor="code" className="font-medium">
            {m.label}
          </label>
          <input
            id="code"
            name="code"
            type="text"
            required
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
            className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 font-mono text-lg uppercase tracking-widest ${
              error ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
            }`}
          />
          <p id="code-hint" className="mt-1 text-sm text-muted">
            {m.hint}
          </p>
        </div>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {m.submit}
        </button>
      </form>
    </div>
  );
}

/** Redirects to the registration when the code exists; otherwise the message to show. */
async function lookUp(typed: string): Promise<string> {
  const code = normalizeRegistrationCode(typed);
  if (!code) return m.invalid;
  const ip = clientIpFrom(await headers());
  const misses = sharedRateLimiter("attendance:lookup-miss", attendanceRateLimits.lookupMiss);
  if (!(await misses.peek(ip)).allowed) return m.rateLimited;
  if (await getRegistrationByCode(code)) redirect(`/registrations/${code}`);
  await misses.consume(ip);
  return m.notFound;
}
