import "server-only";
import { homeFor } from "@/lib/auth/policy";
import type { HeaderUser } from "@/lib/auth/types";
import { headerMessagesFor } from "../notifications/inbox";
import { getCurrentUser } from "./session";

/** The site header's view of who is signed in (no cookie: no database read at all). */
export async function getHeaderUser(): Promise<HeaderUser | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  return {
    displayName: user.displayName,
    homeHref: homeFor(user.role),
    messages: await headerMessagesFor(user),
  };
}
