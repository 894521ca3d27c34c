import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { authMessages as m } from "@/lib/messages/auth";
import { InviteForm } from "./invite-form";

// The token is in the link's fragment, which no browser sends (nor puts in a Referer);
// the page's form posts it. The default Referrer-Policy keeps the form's Origin header,
// which server actions check ("no-referrer" would send `Origin: null` without JavaScript).
export const metadata: Metadata = { title: m.invite.title };

/** Setting the first password from an invitation link (/invite#<token>). */
export default function InvitePage() {
  return (
    <AuthCard title={m.invite.title} intro={<p className="text-sm">{m.invite.intro}</p>}>
      <InviteForm />
    </AuthCard>
  );
}
