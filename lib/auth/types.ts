import type { UserRole } from "@/lib/vocabulary";

/** Who is signed in, as every page, action and route handler sees it. No secrets here. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  sectorId: number | null;
  organisationId: number | null;
}

/** Who the site header shows as signed in. */
export interface HeaderUser {
  displayName: string;
  /** Where "我的履职" leads: the member area or the staff console. */
  homeHref: string;
  /** The user's message centre and how many of its messages are unread. */
  messages?: { href: string; unread: number };
}

/** Who does a write, and from where (the audit log's IP, from server.mjs, never the client). */
export interface Actor {
  user: SessionUser;
  ip: string;
}
