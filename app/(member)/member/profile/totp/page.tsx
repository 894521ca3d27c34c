import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { TotpSetup } from "@/components/auth/totp-setup";
import { getProfile } from "@/db/queries/users/profile";
import { requiresTotp } from "@/lib/auth/policy";
import { authMessages as m } from "@/lib/messages/auth";
import { readPendingEnrolment } from "@/server/auth/request";
import { requireUser } from "@/server/auth/session";
import { totpSetupFor } from "@/server/auth/totp-setup";
import { confirmTotpEnrolmentAction } from "../actions";

export const metadata: Metadata = { title: m.enrol.title };

/** Setting up (or replacing) the authenticator from the account page. */
export default async function ProfileTotpPage() {
  const user = await requireUser({ next: "/member/profile" });
  const pending = await readPendingEnrolment();
  if (!pending || pending.uid !== user.id) redirect("/member/profile");
  const [setup, profile] = await Promise.all([
    totpSetupFor(user, pending.secret),
    getProfile(user.id),
  ]);
  const back = (
    <Link
      href="/member/profile"
      className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800"
    >
      {m.enrol.backToProfile}
    </Link>
  );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="font-serif text-2xl font-bold text-brand-800">{m.enrol.title}</h1>
      <p className="mt-2 text-muted">
        {requiresTotp(user.role) ? m.enrol.introStaff : m.enrol.introMember}
      </p>
      <div className="mt-6">
        <TotpSetup
          action={confirmTotpEnrolmentAction}
          permalink="/member/profile/totp"
          setup={setup}
          reauth={{ oldCode: profile?.totpEnabled ?? true }}
          afterCodes={back}
          cancel={
            <Link href="/member/profile" className="text-sm text-brand-700 underline">
              {m.enrol.cancel}
            </Link>
          }
        />
      </div>
    </div>
  );
}
