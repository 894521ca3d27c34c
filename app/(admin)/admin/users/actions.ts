"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/admin/content/form-state";
import { readFormValues } from "@/components/admin/content/form-state";
import { compactDateTime } from "@/components/admin/content/format";
import { actorOf, messageForError, requireStaff } from "@/components/admin/content/staff";
import { CmsError } from "@/db/queries/admin-content";
import {
  createUser,
  reinviteUser,
  resetTotp,
  setUserEnabled,
  updateUser,
} from "@/db/queries/admin-users";
import { getCommitteeInfo } from "@/db/queries/settings";
import { generateInvitationToken, invitationUrl } from "@/lib/auth/invitation";
import { env } from "@/lib/env";
import { cmsMessages } from "@/lib/messages/cms";
import { parseEditUser, parseNewUser, type UserFormState, userTextFields } from "./schema";

const m = cmsMessages.users;

export type InvitationState = FormState<Record<string, never>, { link: string; expiresAt: string }>;

function idFrom(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

function fieldOf(error: unknown): string | undefined {
  return error instanceof CmsError ? error.field : undefined;
}

/**
 * Creates an invited account and shows its link once, in the answer to this post: the
 * token is not stored (only its hash) and cannot be shown again.
 */
export async function createUserAction(
  _previous: UserFormState,
  formData: FormData,
): Promise<UserFormState> {
  const user = await requireStaff("user.manage", { roles: ["admin"] });
  const values = readFormValues(formData, userTextFields);
  const parsed = parseNewUser(values);
  if (!parsed.ok) {
    return {
      values,
      fieldErrors: parsed.fieldErrors,
      message: cmsMessages.common.errorSummary,
      tone: "error",
    };
  }
  const { token, tokenHash } = generateInvitationToken();
  try {
    const created = await createUser(await actorOf(user), parsed.data, tokenHash);
    const { timeZone } = await getCommitteeInfo();
    return {
      values,
      fieldErrors: {},
      message: m.created,
      tone: "success",
      result: {
        link: invitationUrl(env.SITE_URL, token),
        expiresAt: compactDateTime(created.expiresAt, timeZone),
      },
    };
  } catch (error) {
    const message = messageForError(error, "user create");
    const field = fieldOf(error);
    return {
      values,
      fieldErrors: field && field in values ? { [field]: message } : {},
      message,
      tone: "error",
    };
  }
}

export async function updateUserAction(
  _previous: UserFormState,
  formData: FormData,
): Promise<UserFormState> {
  const user = await requireStaff("user.manage", { roles: ["admin"] });
  const id = idFrom(formData.get("id"));
  const values = readFormValues(formData, userTextFields);
  if (id === null)
    return { values, fieldErrors: {}, message: cmsMessages.errors.not_found, tone: "error" };
  const parsed = parseEditUser(values);
  if (!parsed.ok) {
    return {
      values,
      fieldErrors: parsed.fieldErrors,
      message: cmsMessages.common.errorSummary,
      tone: "error",
    };
  }
  try {
    await updateUser(await actorOf(user), id, parsed.data);
  } catch (error) {
    const ownRole =
      error instanceof CmsError && error.code === "invalid_state" && error.field === "role";
    const message = ownRole ? m.fieldErrors.ownRole : messageForError(error, "user update");
    const field = fieldOf(error);
    return {
      values,
      fieldErrors: field && field in values ? { [field]: message } : {},
      message,
      tone: "error",
    };
  }
  redirect(`/admin/users/${id}?done=saved`);
}

/** A new one-time link for an account; the previous ones stop working. */
export async function reinviteAction(
  _previous: InvitationState,
  formData: FormData,
): Promise<InvitationState> {
  const user = await requireStaff("user.manage", { roles: ["admin"] });
  const id = idFrom(formData.get("id"));
  const base = { values: {}, fieldErrors: {} };
  if (id === null) return { ...base, message: cmsMessages.errors.not_found, tone: "error" };
  const { token, tokenHash } = generateInvitationToken();
  try {
    const { expiresAt } = await reinviteUser(await actorOf(user), id, tokenHash);
    const { timeZone } = await getCommitteeInfo();
    return {
      ...base,
      message: m.invitation.done,
      tone: "success",
      result: {
        link: invitationUrl(env.SITE_URL, token),
        expiresAt: compactDateTime(expiresAt, timeZone),
      },
    };
  } catch (error) {
    return { ...base, message: messageForError(error, "reinvite"), tone: "error" };
  }
}

async function accountAction(
  formData: FormData,
  run: (id: number) => Promise<unknown>,
  done: string,
) {
  await requireStaff("user.manage", { roles: ["admin"] });
  const id = idFrom(formData.get("id"));
  if (id === null) redirect("/admin/users");
  try {
    await run(id);
  } catch (error) {
    const code = error instanceof CmsError ? error.code : "unexpected";
    if (code === "unexpected") console.error("[cms] account action failed:", error);
    redirect(`/admin/users/${id}?error=${code}`);
  }
  redirect(`/admin/users/${id}?done=${done}`);
}

export async function disableUserAction(formData: FormData): Promise<void> {
  const user = await requireStaff("user.manage", { roles: ["admin"] });
  const actor = await actorOf(user);
  await accountAction(formData, (id) => setUserEnabled(actor, id, false), "disabled");
}

export async function enableUserAction(formData: FormData): Promise<void> {
  const user = await requireStaff("user.manage", { roles: ["admin"] });
  const actor = await actorOf(user);
  await accountAction(formData, (id) => setUserEnabled(actor, id, true), "enabled");
}

export async function resetTotpAction(formData: FormData): Promise<void> {
  const user = await requireStaff("user.manage", { roles: ["admin"] });
  const actor = await actorOf(user);
  await accountAction(formData, (id) => resetTotp(actor, id), "totp");
}
