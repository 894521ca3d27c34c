import type { UserRole } from "@/db/schema";

/** Who is signed in, as every page, action and route handler sees it. No secrets here. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  sectorId: number | null;
  organisationId: number | null;
}
