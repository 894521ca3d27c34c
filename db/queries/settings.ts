import "server-only";
import { cache } from "react";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { committeeSettings } from "../schema";

export interface CommitteeInfo {
  name: string;
  shortName: string;
  timeZone: string;
  contactAddress: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  postcode: string | null;
  /** The site's conventions (lib/settings/site.ts), shown in the footer. */
  hostOrganisation: string | null;
  icpNumber: string | null;
  policeNumber: string | null;
  govSiteCode: string | null;
  siteLinks: { name: string; url: string }[];
}

const FALLBACK: CommitteeInfo = {
  name: "政协委员会",
  shortName: "政协",
  timeZone: DEFAULT_TIME_ZONE,
  contactAddress: null,
  contactPhone: null,
  contactEmail: null,
  postcode: null,
  hostOrganisation: null,
  icpNumber: null,
  policeNumber: null,
  govSiteCode: null,
  siteLinks: [],
};

/** The committee's name, zone, contact and the site's conventions. */
export async function getCommitteeInfoIn(db: Database): Promise<CommitteeInfo> {
  const [row] = await db
    .select({
      name: committeeSettings.name,
      shortName: committeeSettings.shortName,
      timeZone: committeeSettings.timeZone,
      contactAddress: committeeSettings.contactAddress,
      contactPhone: committeeSettings.contactPhone,
      contactEmail: committeeSettings.contactEmail,
      postcode: committeeSettings.postcode,
      hostOrganisation: committeeSettings.hostOrganisation,
      icpNumber: committeeSettings.icpNumber,
      policeNumber: committeeSettings.policeNumber,
      govSiteCode: committeeSettings.govSiteCode,
      siteLinks: committeeSettings.siteLinks,
    })
    .from(committeeSettings)
    .limit(1);
  return row ?? FALLBACK;
}

const cachedCommitteeInfo = cachedQuery(
  async () => getCommitteeInfoIn(await getDb()),
  ["settings:committee"],
  { tags: [cacheTags.settings] },
);

/**
 * The same, on the server's database, through the data cache (tagged `settings`: saving
 * the site settings refreshes it): every page's header and footer read it, so it is not a
 * query per request.
 */
export const getCommitteeInfo = cache((): Promise<CommitteeInfo> => cachedCommitteeInfo());
