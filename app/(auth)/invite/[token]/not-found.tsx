import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { authMessages as m } from "@/lib/messages/auth";

/** An /invite/<token> link (the older form): how to go on, the token not repeated. */
export default function OldInvitationLinkNotFound() {
  return (
    <AuthCard title={m.invite.oldLinkTitle} intro={m.invite.oldLinkBody}>
      <Link href="/invite" className="text-brand-700 underline underline-offset-2">
        {m.invite.toInvitePage}
      </Link>
    </AuthCard>
  );
}
