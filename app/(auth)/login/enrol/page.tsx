import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCommitteeInfo } from "@/db/queries/settings";
import { findSessionAccount, isTotpSecretInForce } from "@/db/queries/users";
import { formatSecret, qrCodeDataUri, totpUri } from "@/lib/auth/totp";
import { messages } from "@/lib/messages";
import { authMessages as m } from "@/lib/messages/auth";
import { readPendingLogin } from "@/server/auth/request";
import { AuthCard } from "../../_components/card";
import { SubmitButton } from "../../_components/form-parts";
import { TotpSetup } from "../../_components/totp-setup";
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
  const [account, committee, done] = await Promise.all([
    findSessionAccount(pending.uid),
    getCommitteeInfo(),
    isTotpSecretInForce(pending.uid, pending.secret),
  ]);
  if (!account) redirect("/login?notice=restart");
  const issuer = `${committee.shortName}${messages.site.product}`;
  const setup = done
    ? null
    : {
        qrDataUri: await qrCodeDataUri(totpUri(pending.secret, account.username, issuer)),
        secret: formatSecret(pending.secret),
      };
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
