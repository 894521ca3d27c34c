import { z } from "zod";
import { type FormState, firstIssuePerField } from "@/components/admin/content/form-state";
import { choice, line, optionalId } from "@/components/admin/content/validation";
import { normalisePhone } from "@/lib/auth/policy";
import { cmsMessages } from "@/lib/messages/cms";
import { userRoles } from "@/lib/vocabulary";

/** The account forms: create (username, phone, role, scope) and edit (name, role, scope). */

const m = cmsMessages.users;
const f = m.fields;

/** As scripts/user-invite.ts: a lower-case letter first, never a phone number. */
const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

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
export type UserFormState = FormState<UserFormValues, { link: string; expiresAt: string }>;

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
