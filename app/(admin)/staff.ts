import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { AdminFormState } from "@/components/admin/form-state";
import type { ActorContext } from "@/db/queries/moderation";
import { getCommitteeInfo } from "@/db/queries/settings";
import type { SessionUser } from "@/lib/auth/types";
import { clientIpFrom } from "@/lib/client-ip";
import { adminMessages } from "@/lib/messages/admin";
import { commonMessages } from "@/lib/messages/common";
import { ModerationError } from "@/lib/moderation";
import { can, type PermissionAction } from "@/lib/permissions";
import { localDateKey, localParts } from "@/lib/time";
import { getCurrentUser, requireUser } from "@/server/auth/session";

/**
 * The staff console's gate, for pages: signed out → the login page; signed in without
 * the permission (a member, an editor on an admin's page) → 404, no hint the page exists.
 */
export async function requireStaff(
  action: PermissionAction = "console.enter",
  next?: string,
): Promise<SessionUser> {
  const user = await requireUser({ roles: ["admin", "editor"], next });
  if (!can(user, "console.enter") || !can(user, action)) notFound();
  return user;
}

/**
 * A console page's title for staff; anyone else gets the 404's title, so that not even
 * the browser tab says what the page is (the layout and page answer 404 to them).
 */
export function staffPageTitle(title: string | { absolute: string }): () => Promise<Metadata> {
  return async () => ({
    title: can(await getCurrentUser(), "console.enter")
      ? title
      : commonMessages.errors.notFoundTitle,
  });
}

/**
 * For server actions: the signed-in user and their IP when they may `action`, else
 * null (the action answers with a message; a signed-out user is sent to log in).
 */
export async function authorizeStaffAction(action: PermissionAction): Promise<ActorContext | null> {
  const user = await getCurrentUser();
  if (!user) await requireUser({ roles: ["admin", "editor"] });
  if (!user || !can(user, "console.enter") || !can(user, action)) return null;
  return { user, ip: clientIpFrom(await headers()) };
}

/** The committee's zone, today's local date and year there. */
export async function committeeToday(): Promise<{ timeZone: string; today: string; year: number }> {
  const { timeZone } = await getCommitteeInfo();
  const now = new Date();
  return { timeZone, today: localDateKey(now, timeZone), year: localParts(now, timeZone).year };
}

/** A refusal as a form state, keeping what was typed. */
export function refusal(
  error: unknown,
  values: AdminFormState["values"],
  fieldErrors: Record<string, string> = {},
): AdminFormState {
  if (error instanceof ModerationError) {
    return {
      status: "error",
      message: adminMessages.errors[error.code],
      fieldErrors,
      values,
    };
  }
  console.error("[admin] action failed:", error);
  return { status: "error", message: adminMessages.errors.unavailable, fieldErrors, values };
}

export const forbiddenState = (values: AdminFormState["values"]): AdminFormState => ({
  status: "error",
  message: adminMessages.errors.forbidden,
  fieldErrors: {},
  values,
});

/** A form field as text, cut to `max` characters (a flood is cut, not echoed). */
export function textField(formData: FormData, name: string, max = 4000): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}

/** A positive integer id from a form field, or null. */
export function idField(formData: FormData, name: string): number | null {
  const value = textField(formData, name, 12).trim();
  if (!/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** Every positive integer id sent under `name` (checkboxes). */
export function idList(formData: FormData, name: string): number[] {
  return [
    ...new Set(
      formData
        .getAll(name)
        .map((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : 0))
        .filter((n) => n > 0),
    ),
  ];
}
