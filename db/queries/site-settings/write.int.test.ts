import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { siteSettingsSchema } from "@/lib/settings/site";
import { auditLog } from "../../schema";
import { getCommitteeInfoIn } from "../settings";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import { getSiteSettingsIn, updateSiteSettingsIn } from "./write";

const h = staffHarness();

describe("site settings", () => {
  it("starts from the demo conventions", async () => {
    const settings = await getSiteSettingsIn(h.db);
    expect(settings?.icpNumber).toBe("浙ICP备00000000号-1");
    expect(settings?.links[0]).toEqual({ name: "全国政协", url: "http://www.cppcc.gov.cn/" });
  });

  it("saves what an administrator typed, audits what changed, and the footer reads it", async () => {
    const current = await getSiteSettingsIn(h.db);
    if (!current) throw new Error("no settings");
    const input = siteSettingsSchema.parse({
      ...current,
      hostOrganisation: current.hostOrganisation ?? "",
      contactAddress: current.contactAddress ?? "",
      postcode: current.postcode ?? "",
      contactPhone: current.contactPhone ?? "",
      contactEmail: current.contactEmail ?? "",
      icpNumber: "浙ICP备12345678号-2",
      policeNumber: current.policeNumber ?? "",
      govSiteCode: current.govSiteCode ?? "",
      link1Name: "全国政协",
      link1Url: "http://www.cppcc.gov.cn/",
    });
    await updateSiteSettingsIn(h.db, h.admin, input);
    const info = await getCommitteeInfoIn(h.db);
    expect(info.icpNumber).toBe("浙ICP备12345678号-2");
    expect(info.siteLinks).toEqual([{ name: "全国政协", url: "http://www.cppcc.gov.cn/" }]);
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "settings.update"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.actorLabel).toBe("admin");
    const details = (entry?.details ?? { changed: {} }) as { changed: object };
    expect(Object.keys(details.changed).sort()).toEqual(["icpNumber", "links"]);
  });

  it("refuses anyone but the system administrator and changes nothing", async () => {
    const before = await getSiteSettingsIn(h.db);
    const audits = await auditCount(h.db, "settings.update");
    const input = siteSettingsSchema.parse({ name: "某某政协", shortName: "某某" });
    for (const actor of [h.editor, h.security, h.auditor]) {
      await expectAppError(updateSiteSettingsIn(h.db, actor, input), "forbidden");
    }
    expect(await getSiteSettingsIn(h.db)).toEqual(before);
    expect(await auditCount(h.db, "settings.update")).toBe(audits);
  });
});
