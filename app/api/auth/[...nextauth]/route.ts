import { handlers } from "@/server/auth/next-auth";

/**
 * next-auth's own endpoints (/api/auth/session, /csrf, …). Logging in goes through the
 * /login form's server action, which checks everything first; the Credentials provider
 * here accepts nothing but a ticket minted by that action.
 */
export const { GET, POST } = handlers;
