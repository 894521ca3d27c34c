import "server-only";
import type { HeaderUser } from "@/components/layout/site-header";
import { homeFor } from "./policy";
import { getCurrentUser } from "./session";

/** The site header's view of who is signed in (no cookie: no database read at all). */
export async function getHeaderUser(): Promise<HeaderUser | null> {
  const user = await getCurrentUser();
  return user ? { displayName: user.displayName, homeHref: homeFor(user.role) } : null;
}
