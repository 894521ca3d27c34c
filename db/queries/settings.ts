import "server-only";
import { cache } from "react";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
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
}

const FALLBACK: CommitteeInfo = {
  name: "政协委员会",
  shortName: "政协",
  timeZone: DEFAULT_TIME_ZONE,
  contactAddress: null,
  contactPhone: null,
  contactEmail: null,
  postcode: null,
};

/** The committee's name, zone and contact; one query per request. */
export const getCommitteeInfo = cache(async (): Promise<CommitteeInfo> => {
  const db = await getDb();
  const [row] = await db
    .select({
      name: committeeSettings.name,
      shortName: committeeSettings.shortName,
      timeZone: committeeSettings.timeZone,
      contactAddress: committeeSettings.contactAddress,
      contactPhone: committeeSettings.contactPhone,
      contactEmail: committeeSettings.contactEmail,
      postcode: committeeSettings.postcode,
    })
    .from(committeeSettings)
    .limit(1);
  return row ?? FALLBACK;
});
