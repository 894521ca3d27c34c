import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { getCommitteeInfo } from "@/db/queries/settings";
import { findUsableInvitation } from "@/db/queries/users/invitations";
import { invitationTokenHash } from "@/lib/auth/invitation";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { formatDateTime } from "@/lib/time";
import { InviteForm } from "./invite-form";

// The token is in the path: never send it to another site in a Referer.
export const metadata: Metadata = { title: m.invite.title, referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tokenHash = invitationTokenHash(token);
  const [invitation, committee] = await Promise.all([
    tokenHash ? findUsableInvitation(tokenHash, new Date()) : null,
    getCommitteeInfo(),
  ]);
  if (!invitation) {
    return (
      <AuthCard title={m.invite.invalidTitle} intro={m.invite.invalidBody}>
        <Link href="/login" className="text-brand-700 underline underline-offset-2">
          {m.invite.backToLogin}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={m.invite.title}
      intro={
        <>
          <p>
            {fillAuthMessage(m.invite.welcome, {
              name: invitation.displayName,
              username: invitation.username,
            })}
          </p>
          <p className="mt-1 text-sm">
            {fillAuthMessage(m.invite.expiresAt, {
              time: formatDateTime(invitation.expiresAt, committee.timeZone),
            })}
          </p>
        </>
      }
    >
      <InviteForm token={token} />
    </AuthCard>
  );
}
