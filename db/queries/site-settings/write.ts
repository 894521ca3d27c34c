import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { SiteSettingsInput } from "@/lib/settings/site";
import { cacheTags } from "../../cache";
import type { Database } from "../../client";
import { committeeSettings } from "../../schema";
import { auditStaffWrite, refreshPublicPages } from "../shared/write";
import { withDb } from "../with-db";

/** What the settings page starts from (the committee row; null before the first start). */
export async function getSiteSettingsIn(db: Database) {
  const [row] = await db
    .select({
      name: committeeSettings.name,
      shortName: committeeSettings.shortName,
      hostOrganisation: committeeSettings.hostOrganisation,
      contactAddress: committeeSettings.contactAddress,
      postcode: committeeSettings.postcode,
      contactPhone: committeeSettings.contactPhone,
      contactEmail: committeeSettings.contactEmail,
      icpNumber: committeeSettings.icpNumber,
      policeNumber: committeeSettings.policeNumber,
      govSiteCode: committeeSettings.govSiteCode,
      links: committeeSettings.siteLinks,
    })
    .from(committeeSettings)
    .where(eq(committeeSettings.id, 1));
  return row ?? null;
}

/**
 * Saves the site's conventions (footer, filing numbers, links) and audits what changed;
 * then every public page is rendered afresh (the page cache is emptied).
 */
export async function updateSiteSettingsIn(
  db: Database,
  actor: Actor,
  input: SiteSettingsInput,
): Promise<void> {
  if (!can(actor.user, "settings.manage")) throw new AppError("forbidden");
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(committeeSettings)
      .where(eq(committeeSettings.id, 1))
      .for("update");
    if (!before) throw new AppError("not_found");
    const { links, ...fields } = input;
    await tx
      .update(committeeSettings)
      .set({ ...fields, siteLinks: links, updatedAt: new Date() })
      .where(eq(committeeSettings.id, 1));
    const old: Record<string, unknown> = { ...before, links: before.siteLinks };
    const changed = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => JSON.stringify(old[key] ?? null) !== JSON.stringify(value ?? null),
      ),
    );
    await auditStaffWrite(tx, actor, {
      action: "settings.update",
      targetType: "committee_settings",
      targetId: "1",
      details: { changed },
    });
  });
  refreshPublicPages(cacheTags.settings);
}

export const getSiteSettings = withDb(getSiteSettingsIn);
export const updateSiteSettings = withDb(updateSiteSettingsIn);
