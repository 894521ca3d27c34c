"use server";

import { redirect } from "next/navigation";
import {
  createUser,
  reinviteUser,
  resetTotp,
  setUserEnabled,
  updateUser,
} from "@/db/queries/users/staff-write";
import { generateInvitationToken, invitationUrl } from "@/lib/auth/invitation";
import type { Actor } from "@/lib/auth/types";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { doneForm, idFromForm, refusedForm } from "@/lib/form-state";
import { compactDateTime } from "@/lib/format";
import { cmsUsersErrors, cmsUsersMessages as m } from "@/lib/messages/cms/users";
import {
  type InvitationResult,
  type InvitationState,
  parseEditUser,
  parseNewUser,
  type UserFormState,
  type UserFormValues,
  userTextFields,
} from "@/lib/users/schema";
import type { UserRole } from "@/lib/vocabulary";
import { committeeToday, gatedAction } from "@/server/action";

/**
 * The account actions of the console: the security administrator's only (anyone else,
 * the system administrator included, gets the 404, as for the pages). The invitation link is shown once, in the answer to the post that made it: the
 * token is not stored (only its hash) and cannot be shown again.
 */

const SECURITY_ADMINS: readonly UserRole[] = ["security"];
const gate = {
  permission: "user.manage",
  roles: SECURITY_ADMINS,
  onForbidden: "not-found",
  errors: cmsUsersErrors,
} as const;

async function invitationResult(token: string, expiresAt: Date): Promise<InvitationResult> {
  const { timeZone } = await committeeToday();
  return {
    link: invitationUrl(env.SITE_URL, token),
    expiresAt: compactDateTime(expiresAt, timeZone),
  };
}

export async function createUserAction(
  _previous: UserFormState,
  formData: FormData,
): Promise<UserFormState> {
  return gatedAction(formData, {
    ...gate,
    label: "user create",
    fields: userTextFields,
    parse: (values: UserFormValues) => parseNewUser(values),
    run: async (input, actor, values) => {
      const { token, tokenHash } = generateInvitationToken();
      const created = await createUser(actor, input, tokenHash);
      return doneForm(values, m.created, await invitationResult(token, created.expiresAt));
    },
  });
}

export async function updateUserAction(
  _previous: UserFormState,
  formData: FormData,
): Promise<UserFormState> {
  return gatedAction(formData, {
    ...gate,
    label: "user update",
    fields: userTextFields,
    parse: (values: UserFormValues) => {
      const id = idFromForm(formData, "id");
      if (id === null) return { ok: false, fieldErrors: {}, message: cmsUsersErrors.not_found };
      const parsed = parseEditUser(values);
      return parsed.ok ? { ok: true, data: { id, ...parsed.data } } : parsed;
    },
    run: async ({ id, ...input }, actor, values) => {
      try {
        await updateUser(actor, id, input);
      } catch (error) {
        // Nobody changes their own role: say so at the role field.
        if (!isAppError(error, "invalid_state") || error.field !== "role") throw error;
        return refusedForm(values, m.fieldErrors.ownRole, { role: m.fieldErrors.ownRole });
      }
      redirect(`/admin/users/${id}?done=saved`);
    },
  });
}

/** A new one-time link for an account; the previous ones stop working. */
export async function reinviteAction(
  _previous: InvitationState,
  formData: FormData,
): Promise<InvitationState> {
  return gatedAction(formData, {
    ...gate,
    label: "reinvite",
    fields: [],
    parse: () => {
      const id = idFromForm(formData, "id");
      return id === null
        ? { ok: false, fieldErrors: {}, message: cmsUsersErrors.not_found }
        : { ok: true, data: id };
    },
    run: async (id, actor, values) => {
      const { token, tokenHash } = generateInvitationToken();
      const { expiresAt } = await reinviteUser(actor, id, tokenHash);
      return doneForm(values, m.invitation.done, await invitationResult(token, expiresAt));
    },
  });
}

/**
 * The buttons of the account page (plain posts): the outcome is told on the account's page
 * (`?done=…` or `?error=<code>`).
 */
async function accountAction(
  formData: FormData,
  done: string,
  work: (actor: Actor, id: number) => Promise<unknown>,
): Promise<void> {
  await gatedAction(formData, {
    ...gate,
    label: `account ${done}`,
    fields: [],
    parse: () => {
      const id = idFromForm(formData, "id");
      if (id === null) redirect("/admin/users");
      return { ok: true, data: id };
    },
    run: async (id, actor) => {
      try {
        await work(actor, id);
      } catch (error) {
        if (!isAppError(error)) console.error("[users] account action failed:", error);
        redirect(`/admin/users/${id}?error=${isAppError(error) ? error.code : "unexpected"}`);
      }
      redirect(`/admin/users/${id}?done=${done}`);
    },
  });
}

export async function disableUserAction(formData: FormData): Promise<void> {
  await accountAction(formData, "disabled", (actor, id) => setUserEnabled(actor, id, false));
}

export async function enableUserAction(formData: FormData): Promise<void> {
  await accountAction(formData, "enabled", (actor, id) => setUserEnabled(actor, id, true));
}

export async function resetTotpAction(formData: FormData): Promise<void> {
  await accountAction(formData, "totp", (actor, id) => resetTotp(actor, id));
}
