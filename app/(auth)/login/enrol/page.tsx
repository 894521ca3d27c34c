import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SubmitButton } from "@/components/auth/form-parts";
import { TotpSetup } from "@/components/auth/totp-setup";
import { findSessionAccount } from "@/db/queries/users/sessions";
import { authMessages as m } from "@/lib/messages/auth";
import { readPendingLogin } from "@/server/auth/request";
import { totpSetupFor } from "@/server/auth/totp-setup";
import { cancelLoginAction, confirmEnrolAction, continueAfterEnrolAction } from "../actions";

export const metadata: Metadata = { title: m.enrol.title };

/**
 * First login of an admin or editor without TOTP: the password was right, no session
 * exists yet; the new secret lives in the encrypted pending-login cookie until confirmed,
 * then the recovery codes are shown once and "继续" completes the login.
 */
export default async function EnrolPage() {
  const pending = await readPendingLogin();
  if (pending?.step !== "enrol" || !pending.secret) redirect("/login?notice=restart");
  const account = await findSessionAccount(pending.uid);
  if (!account) redirect("/login?notice=restart");
  const setup = await totpSetupFor(account, pending.secret);
  return (
    <AuthCard title={m.enrol.title} intro={m.enrol.introStaff}>
      <TotpSetup
        action={confirmEnrolAction}
        permalink="/login/enrol"
        setup={setup}
        afterCodes={
          <form action={continueAfterEnrolAction}>
            <SubmitButton>{m.enrol.continue}</SubmitButton>
          </form>
        }
        cancel={
          <form action={cancelLoginAction}>
            <button type="submit" className="text-sm text-brand-700 underline underline-offset-2">
              {m.enrol.cancel}
            </button>
          </form>
        }
      />
    </AuthCard>
  );
}
