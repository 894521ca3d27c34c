import "server-only";
import { getCommitteeInfo } from "@/db/queries/settings";
import { isTotpSecretInForce } from "@/db/queries/users/profile";
import { formatSecret, qrCodeDataUri, totpUri } from "@/lib/auth/totp";
import { messages } from "@/lib/messages";

/**
 * What the TOTP set-up shows for a new secret: the QR code and the secret to type by hand.
 * Null when the secret is already in force (the enrolment was confirmed: the page shows
 * that instead).
 */
export async function totpSetupFor(
  user: { id: number; username: string },
  secret: string,
): Promise<{ qrDataUri: string; secret: string } | null> {
  const [committee, done] = await Promise.all([
    getCommitteeInfo(),
    isTotpSecretInForce(user.id, secret),
  ]);
  if (done) return null;
  const issuer = `${committee.shortName}${messages.site.product}`;
  return {
    qrDataUri: await qrCodeDataUri(totpUri(secret, user.username, issuer)),
    secret: formatSecret(secret),
  };
}
