import "server-only";
import { homeFor } from "@/lib/auth/policy";
import type { HeaderUser } from "@/lib/auth/types";
import { getCurrentUser } from "./session";

/** The site header's view of who is signed in (no cookie: no database read at all). */
export async function getHeaderUser(): Promise<HeaderUser | null> {
  const user = await getCurrentUser();
  return user ? { displayName: user.displayName, homeHref: homeFor(user.role) } : null;
}
