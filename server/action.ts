import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCommitteeInfo } from "@/db/queries/settings";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { clientIpFrom } from "@/lib/client-ip";
import { AppError, type ErrorMessages } from "@/lib/errors";
import {
  controlCharacterRefusal,
  type FormState,
  type FormValues,
  firstIssuePerField,
  readFormValues,
  refusedForm,
} from "@/lib/form-state";
import { commonMessages } from "@/lib/messages/common";
import { can, type PermissionAction } from "@/lib/permissions";
import { localDateKey, localParts } from "@/lib/time";
import type { UserRole } from "@/lib/vocabulary";
import { getCurrentUser, requireUser } from "./auth/session";

/**
 * The staff console's gate, for pages (`requireStaff`) and server actions (`gatedAction`).
 * One order, always: authenticate (signed out → the login page), read what was typed,
 * authorize the role and a fixed permission, parse (zod), authorize a permission that
 * depends on the input, run (scope and ownership in the query's WHERE, inside its
 * transaction, which also writes the audit entry), and turn a refusal into a form state
 * that keeps what was typed.
 */

/** Everyone the console opens for; each page and action then asks for its own permission. */
export const STAFF_ROLES: readonly UserRole[] = ["admin", "security", "auditor", "editor"];

/**
 * For pages and route handlers of the staff console: the signed-in staff member who may
 * `permission`. Signed out → the login page; anyone else → 404, no hint the page exists.
 */
export async function requireStaff(
  permission: PermissionAction = "console.enter",
  next?: string,
): Promise<SessionUser> {
  const user = await requireUser({ roles: STAFF_ROLES, next });
  if (!can(user, "console.enter") || !can(user, permission)) notFound();
  return user;
}

/** A console page's title for staff; anyone else gets the 404's title. */
export function staffPageTitle(title: string | { absolute: string }): () => Promise<Metadata> {
  return async () => ({
    title: can(await getCurrentUser(), "console.enter")
      ? title
      : commonMessages.errors.notFoundTitle,
  });
}

/** The actor of a write: the user and the client IP of this request. */
export async function actorOf(user: SessionUser): Promise<Actor> {
  return { user, ip: clientIpFrom(await headers()) };
}

/** The committee's zone, today's local date and year there. */
export async function committeeToday(): Promise<{ timeZone: string; today: string; year: number }> {
  const { timeZone } = await getCommitteeInfo();
  const now = new Date();
  return { timeZone, today: localDateKey(now, timeZone), year: localParts(now, timeZone).year };
}

/** The generic words of the gate; a capability's catalogue overrides them per code. */
export const gateMessages = {
  invalid: "提交的内容有误，请按提示修改。",
  forbidden: "您没有进行此操作的权限。",
  unavailable: "暂时无法保存，请稍后重试。",
} as const;

/** What a parse step answers: the input, or messages per field (and optionally for the form). */
export type Parsed<I, V extends FormValues> =
  | { ok: true; data: I }
  | { ok: false; fieldErrors: FormState<V>["fieldErrors"]; message?: string };

export interface ActionSpec<V extends FormValues, I, R> {
  /** Who may run it. A function decides from the parsed input (e.g. publish vs save). */
  permission: PermissionAction | ((input: I) => PermissionAction);
  /** Roles allowed at all (default: staff). */
  roles?: readonly UserRole[];
  /** The text fields echoed back, and the multi-valued ones (checkboxes). */
  fields: readonly Extract<keyof V, string>[];
  multi?: readonly Extract<keyof V, string>[];
  /** Parse what was typed: a zod schema over the values, or a function. */
  schema?: z.ZodType<I>;
  parse?: (values: V, formData: FormData) => Parsed<I, V> | Promise<Parsed<I, V>>;
  /** The capability's words for the AppError codes its queries throw. */
  errors: ErrorMessages & { invalid?: string; forbidden?: string; unavailable?: string };
  /** A user who may not: a message (default) or a 404 as for pages. */
  onForbidden?: "message" | "not-found";
  /** Does the work. May redirect (never caught here) or return the state to show. */
  run: (input: I, actor: Actor, values: V) => Promise<FormState<V, R> | undefined>;
  /** Log label for faults. */
  label: string;
}

/**
 * Runs a staff console form's server action through the gate: every action of the console
 * goes through here. The member's note form, the sign-in forms and the public forms keep
 * their own first steps (the note's client id, login tickets, honeypots and rate limits for
 * people without an account), then answer with the same `FormState` and `AppError`s.
 */
export async function gatedAction<V extends FormValues, I, R = undefined>(
  formData: FormData,
  spec: ActionSpec<V, I, R>,
): Promise<FormState<V, R>> {
  // 1. authenticate
  const user = await getCurrentUser();
  if (!user) await requireUser({ roles: spec.roles ?? STAFF_ROLES });
  // 2. read what was typed (echoed back on any refusal)
  const values = readFormValues(formData, spec.fields, spec.multi ?? []) as unknown as V;
  const words = { ...gateMessages, ...spec.errors };
  const refuse = (message: string, fieldErrors: FormState<V, R>["fieldErrors"] = {}) =>
    refusedForm<V, R>(values, message, fieldErrors);
  // 3. the role, before anything is said about the input
  const roles = spec.roles ?? STAFF_ROLES;
  const forbidden = () => {
    if (spec.onForbidden === "not-found") notFound();
    return refuse(words.forbidden);
  };
  if (!user || !roles.includes(user.role)) return forbidden();
  // A fixed permission is checked before the input is judged: no one learns about a form
  // they may not use. A permission that depends on the input is checked once it is parsed.
  if (typeof spec.permission === "string" && !can(user, spec.permission)) return forbidden();
  // No text with a control character goes further (PostgreSQL refuses a NUL outright).
  const garbled = controlCharacterRefusal<V, R>(formData, values, spec.fields);
  if (garbled) return garbled;
  const parsed = await parseWith(spec, values, formData);
  if (!parsed.ok) return refuse(parsed.message ?? words.invalid, parsed.fieldErrors);
  if (typeof spec.permission === "function" && !can(user, spec.permission(parsed.data))) {
    return forbidden();
  }
  // 4. run (audit and scope checks happen inside the query's transaction)
  try {
    const actor = await actorOf(user);
    const state = await spec.run(parsed.data, actor, values);
    if (state) return state;
    console.error(`[action] ${spec.label} ended without an answer`);
    return refuse(words.unavailable);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const { code, field } = error as AppError;
      const known = words[code];
      // A code without words is a fault of ours, not the user's: logged, answered generically.
      if (known === undefined) console.error(`[action] ${spec.label}: no message for ${code}`);
      const message = known ?? words.unavailable;
      return refuse(
        message,
        field && field in values ? ({ [field]: message } as FormState<V, R>["fieldErrors"]) : {},
      );
    }
    console.error(`[action] ${spec.label} failed:`, error);
    return refuse(words.unavailable);
  }
}

async function parseWith<V extends FormValues, I, R>(
  spec: ActionSpec<V, I, R>,
  values: V,
  formData: FormData,
): Promise<Parsed<I, V>> {
  if (spec.parse) return spec.parse(values, formData);
  if (!spec.schema) throw new Error(`[action] ${spec.label}: no schema or parse`);
  const result = spec.schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    fieldErrors: firstIssuePerField(
      result.error.issues,
      Object.keys(values) as Extract<keyof V, string>[],
    ) as FormState<V>["fieldErrors"],
  };
}
