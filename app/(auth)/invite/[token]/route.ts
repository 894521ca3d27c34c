import { authMessages as m } from "@/lib/messages/auth";
import { oldSecretAddressResponse } from "@/lib/security/old-secret-address";

/**
 * The older invitation link, /invite/<token>, put the token where proxy and access logs
 * keep it. Answered 404 without a lookup, the token not repeated, the way to go on given.
 */
export function GET(): Response {
  return oldSecretAddressResponse({
    title: m.invite.oldLinkTitle,
    body: m.invite.oldLinkBody,
    href: "/invite",
    link: m.invite.toInvitePage,
  });
}
