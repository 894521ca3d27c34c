"use server";

import { updateSiteSettings } from "@/db/queries/site-settings/write";
import type { FormState, FormValues } from "@/lib/form-state";
import { siteMessages } from "@/lib/messages/site";
import {
  type SiteSettingsInput,
  siteSettingsFields,
  siteSettingsSchema,
} from "@/lib/settings/site";
import { gatedAction } from "@/server/action";

const m = siteMessages.settings;

/** Saves the site's conventions; every public page shows them at once. */
export async function saveSiteSettingsAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, SiteSettingsInput>(formData, {
    label: "settings.update",
    permission: "settings.manage",
    fields: siteSettingsFields,
    errors: {},
    schema: siteSettingsSchema,
    run: async (input, actor, values) => {
      await updateSiteSettings(actor, input);
      return { status: "ok", message: m.saved, fieldErrors: {}, values };
    },
  });
}
