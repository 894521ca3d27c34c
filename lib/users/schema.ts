import { z } from "zod";
import { normalisePhone } from "@/lib/auth/policy";
import { type FormState, firstIssuePerField } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import { choice, line, optionalId } from "@/lib/validation";
import { userRoles, type userStatuses } from "@/lib/vocabulary";

/** The account forms: create (username, phone, role, scope) and edit (name, role, scope). */

const m = cmsMessages.users;
const f = m.fields;

/** As scripts/user-invite.ts: a lower-case letter first, never a phone number. */
const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

export type UserStatus = (typeof userStatuses)[number];

export const userTextFields = [
  "username",
  "displayName",
  "phone",
  "role",
  "sectorId",
  "organisationId",
] as const;
export type UserFormValues = Record<(typeof userTextFields)[number], string>;
export type UserField = keyof UserFormValues;
/** The one-time invitation link, shown once in the answer to the post that made it. */
export interface InvitationResult {
  link: string;
  expiresAt: string;
}
export type UserFormState = FormState<UserFormValues, InvitationResult>;
export type InvitationState = FormState<Record<string, never>, InvitationResult>;

export const emptyUserValues: UserFormValues = {
  username: "",
  displayName: "",
  phone: "",
  role: "member",
  sectorId: "",
  organisationId: "",
};

const scoped = {
  displayName: line(f.displayName, 40, { required: true }),
  role: choice(userRoles, f.role),
  sectorId: optionalId(f.sector),
  organisationId: optionalId(f.organisation),
};

function editorNeedsScope(
  value: { role: string; sectorId: number | null; organisationId: number | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === "editor" && value.sectorId === null && value.organisationId === null) {
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: m.fieldErrors.editorScope });
  }
}

const newUserSchema = z
  .object({
    ...scoped,
    username: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : ""),
      z.string().regex(USERNAME, m.fieldErrors.username),
    ),
    phone: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : ""),
      z
        .string()
        .refine((s) => s === "" || normalisePhone(s) !== null, m.fieldErrors.phone)
        .transform((s) => (s === "" ? null : normalisePhone(s))),
    ),
  })
  .superRefine(editorNeedsScope);

const editUserSchema = z.object(scoped).superRefine(editorNeedsScope);

export type NewUserData = z.infer<typeof newUserSchema>;
export type EditUserData = z.infer<typeof editUserSchema>;

export function parseNewUser(values: UserFormValues) {
  const result = newUserSchema.safeParse(values);
  return result.success
    ? ({ ok: true, data: result.data } as const)
    : ({
        ok: false,
        fieldErrors: firstIssuePerField(result.error.issues, userTextFields),
      } as const);
}

export function parseEditUser(values: UserFormValues) {
  const result = editUserSchema.safeParse(values);
  return result.success
    ? ({ ok: true, data: result.data } as const)
    : ({
        ok: false,
        fieldErrors: firstIssuePerField(result.error.issues, userTextFields),
      } as const);
}

/** An account's form values as loaded (the phone is never shown again: it stays empty). */
export function userFormValues(account: {
  username: string;
  displayName: string;
  role: string;
  sectorId: number | null;
  organisationId: number | null;
}): UserFormValues {
  return {
    username: account.username,
    displayName: account.displayName,
    phone: "",
    role: account.role,
    sectorId: account.sectorId === null ? "" : String(account.sectorId),
    organisationId: account.organisationId === null ? "" : String(account.organisationId),
  };
}

/** The choices of the account form, with their words. */
export function userChoices(options: {
  sectors: readonly { id: number; name: string }[];
  organisations: readonly { id: number; name: string }[];
}) {
  const toOptions = (rows: readonly { id: number; name: string }[]) =>
    rows.map((r) => ({ value: String(r.id), label: r.name }));
  return {
    roles: userRoles.map((r) => ({ value: r, label: m.roles[r] })),
    sectors: toOptions(options.sectors),
    organisations: toOptions(options.organisations),
  };
}
