import type { Env } from "./env";

/**
 * Demo accounts have published passwords. A production deployment on a real
 * server never gets them, whoever runs the seed.
 */
export function mayCreateDemoAccounts(e: Pick<Env, "NODE_ENV" | "DATABASE_URL">): boolean {
  return !(e.NODE_ENV === "production" && e.DATABASE_URL);
}
