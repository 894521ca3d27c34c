import { describe, expect, it } from "vitest";
import { siteMessages } from "@/lib/messages/site";
import { policeRecordUrl, siteSettingsSchema, siteSettingsValues } from "@/lib/settings/site";
import { siteUrlWarning } from "@/lib/site-url";

const e = siteMessages.settings.errors;

const good = {
  name: "中国人民政治协商会议嘉兴市秀洲区委员会",
  shortName: "秀洲区政协",
  hostOrganisation: "政协嘉兴市秀洲区委员会办公室",
  contactAddress: "浙江省嘉兴市秀洲区新城街道行政中心路 88 号",
  postcode: "314031",
  contactPhone: "0573-83000000",
  contactEmail: "xzzx@example.gov.cn",
  icpNumber: "浙ICP备00000000号-1",
  policeNumber: "浙公网安备33041100000000号",
  govSiteCode: "3304110000",
  link1Name: "全国政协",
  link1Url: "http://www.cppcc.gov.cn/",
  link2Name: "浙江政协",
  link2Url: "https://www.zjzx.gov.cn/",
  link3Name: "",
  link3Url: "",
  link4Name: "",
  link4Url: "",
};

function errorsOf(input: Record<string, string>): Record<string, string> {
  const result = siteSettingsSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("site settings", () => {
  it("accepts the usual values and gathers the links in order", () => {
    const parsed = siteSettingsSchema.parse(good);
    expect(parsed.icpNumber).toBe("浙ICP备00000000号-1");
    expect(parsed.links).toEqual([
      { name: "全国政协", url: "http://www.cppcc.gov.cn/" },
      { name: "浙江政协", url: "https://www.zjzx.gov.cn/" },
    ]);
  });

  it("stores empty optional values as null and trims the rest", () => {
    const parsed = siteSettingsSchema.parse({
      ...good,
      icpNumber: "  ",
      policeNumber: "",
      govSiteCode: "",
      contactEmail: "",
      postcode: " 314031 ",
      link1Name: "",
      link1Url: "",
      link2Name: "",
      link2Url: "",
    });
    expect(parsed.icpNumber).toBeNull();
    expect(parsed.policeNumber).toBeNull();
    expect(parsed.contactEmail).toBeNull();
    expect(parsed.postcode).toBe("314031");
    expect(parsed.links).toEqual([]);
  });

  it("refuses malformed filing numbers, codes and contacts with a Chinese message per field", () => {
    expect(
      errorsOf({
        ...good,
        icpNumber: "ICP 12345",
        policeNumber: "浙公网安备123号",
        govSiteCode: "33041",
        postcode: "3140",
        contactPhone: "call us",
        contactEmail: "not-an-email",
      }),
    ).toEqual({
      icpNumber: e.icpNumber,
      policeNumber: e.policeNumber,
      govSiteCode: e.govSiteCode,
      postcode: e.postcode,
      contactPhone: e.phone,
      contactEmail: e.email,
    });
  });

  it("requires the committee's names", () => {
    expect(errorsOf({ ...good, name: " ", shortName: "" })).toEqual({
      name: e.nameRequired,
      shortName: e.shortNameRequired,
    });
  });

  it("accepts only http(s) addresses for links, and pairs of name and address", () => {
    expect(errorsOf({ ...good, link1Url: "javascript:alert(1)" })).toEqual({ link1Url: e.linkUrl });
    expect(errorsOf({ ...good, link1Url: "ftp://www.cppcc.gov.cn/" })).toEqual({
      link1Url: e.linkUrl,
    });
    expect(errorsOf({ ...good, link1Url: "www.cppcc.gov.cn" })).toEqual({ link1Url: e.linkUrl });
    expect(errorsOf({ ...good, link3Name: "嘉兴政协" })).toEqual({ link3Url: e.linkUrl });
    expect(errorsOf({ ...good, link3Url: "https://www.jxzx.gov.cn/" })).toEqual({
      link3Name: e.linkName,
    });
  });

  it("links a 公安机关备案号 to its record by its digits", () => {
    expect(policeRecordUrl("浙公网安备 33041100000000号")).toBe(
      "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33041100000000",
    );
  });

  it("fills the form from what is stored", () => {
    const values = siteSettingsValues(siteSettingsSchema.parse(good));
    expect(values.link2Name).toBe("浙江政协");
    expect(values.link3Url).toBe("");
    expect(values.icpNumber).toBe("浙ICP备00000000号-1");
  });
});

describe("SITE_URL at start", () => {
  it("warns a production server without SITE_URL, in Chinese and English", () => {
    const warning = siteUrlWarning(undefined, "production");
    expect(warning).toContain("SITE_URL");
    expect(warning).toContain("未设置");
    expect(warning).toContain("not set");
    expect(siteUrlWarning("", "production")).toBe(warning);
  });

  it("warns when it names this machine, and says nothing for a public address or in development", () => {
    expect(siteUrlWarning("http://127.0.0.1:3000", "production")).toContain("本机地址");
    expect(siteUrlWarning("https://www.xzzx.gov.cn", "production")).toBeNull();
    expect(siteUrlWarning(undefined, "development")).toBeNull();
  });
});
