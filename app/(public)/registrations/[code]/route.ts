import { attendanceMessages } from "@/lib/messages/attendance";
import { oldSecretAddressResponse } from "@/lib/security/old-secret-address";

const m = attendanceMessages.lookup;

/**
 * The older address of a registration, /registrations/<code>, put the code where proxy and
 * access logs keep it. Answered 404 without a lookup, the code not repeated, the lookup
 * form named instead.
 */
export function GET(): Response {
  return oldSecretAddressResponse({
    title: m.oldLinkTitle,
    body: m.oldLinkBody,
    href: "/registrations",
    link: m.toLookup,
  });
}
