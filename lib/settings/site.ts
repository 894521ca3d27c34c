import { z } from "zod";
import { siteMessages } from "@/lib/messages/site";
import { linkFields, SITE_LINK_SLOTS, siteSettingsFields } from "./fields";

export { linkFields, SITE_LINK_SLOTS, siteSettingsFields };

/**
 * The site's conventions as an administrator edits them on /admin/settings: the
 * committee's names, contact, the filing numbers a Chinese government site shows in its
 * footer, and links to the national, provincial and city CPPCC sites. Every value is data
 * (committee_settings); nothing here is about one committee.
 */

const e = siteMessages.settings.errors;

/** Where an ICP filing number is looked up (工业和信息化部政务服务平台). */
export const ICP_LOOKUP_URL = "https://beian.miit.gov.cn/";

/** The national public-security filing site's record page for a 公安机关备案号. */
export function policeRecordUrl(policeNumber: string): string | null {
  const digits = policeNumber.replace(/\D/g, "");
  return digits ? `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${digits}` : null;
}

export interface SiteLink {
  name: string;
  url: string;
}

/** "" → null; anything else must match. */
const optional = (max: number, check?: (s: string) => boolean, message?: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(
      z
        .string()
        .max(max, e.tooLong(max))
        .refine((s) => s === "" || !check || check(s), message),
    )
    .transform((s) => (s === "" ? null : s));

const isHttpUrl = (s: string): boolean => {
  if (!/^https?:\/\//i.test(s) || /\s/.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
};

/** 浙ICP备12345678号, 浙ICP备12345678号-1 (one province character, 6–10 digits). */
const ICP_PATTERN = /^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/;
/** 浙公网安备33041102000123号 (the record code is 14 digits). */
const POLICE_PATTERN = /^[\u4e00-\u9fa5]公网安备 ?\d{14}号$/;

const linkShape = Object.fromEntries(
  linkFields.flatMap((f) => [
    [f.name, optional(30, undefined, e.linkName)],
    [f.url, optional(300, isHttpUrl, e.linkUrl)],
  ]),
) as Record<string, ReturnType<typeof optional>>;

export const siteSettingsSchema = z
  .object({
    name: z.string().trim().min(2, e.nameRequired).max(60, e.nameRequired),
    shortName: z.string().trim().min(2, e.shortNameRequired).max(20, e.shortNameRequired),
    hostOrganisation: optional(60),
    contactAddress: optional(100),
    postcode: optional(6, (s) => /^\d{6}$/.test(s), e.postcode),
    contactPhone: optional(30, (s) => /^[\d\-+() ]{5,30}$/.test(s), e.phone),
    contactEmail: optional(100, (s) => z.email().safeParse(s).success, e.email),
    icpNumber: optional(30, (s) => ICP_PATTERN.test(s), e.icpNumber),
    policeNumber: optional(30, (s) => POLICE_PATTERN.test(s), e.policeNumber),
    govSiteCode: optional(10, (s) => /^[0-9A-Za-z]{10}$/.test(s), e.govSiteCode),
    ...linkShape,
  })
  .superRefine((v, ctx) => {
    const row = v as unknown as Record<string, string | null>;
    for (const f of linkFields) {
      if (row[f.url] && !row[f.name])
        ctx.addIssue({ code: "custom", path: [f.name], message: e.linkName });
      if (row[f.name] && !row[f.url])
        ctx.addIssue({ code: "custom", path: [f.url], message: e.linkUrl });
    }
  })
  .transform((v) => {
    const row = v as unknown as Record<string, string | null>;
    const links: SiteLink[] = [];
    for (const f of linkFields) {
      const name = row[f.name];
      const url = row[f.url];
      if (name && url) links.push({ name, url });
    }
    return {
      name: v.name,
      shortName: v.shortName,
      hostOrganisation: v.hostOrganisation,
      contactAddress: v.contactAddress,
      postcode: v.postcode,
      contactPhone: v.contactPhone,
      contactEmail: v.contactEmail,
      icpNumber: v.icpNumber,
      policeNumber: v.policeNumber,
      govSiteCode: v.govSiteCode,
      links,
    };
  });

export type SiteSettingsInput = z.output<typeof siteSettingsSchema>;

/** The form's starting values from what is stored. */
export function siteSettingsValues(
  s: Omit<SiteSettingsInput, "links"> & { links: readonly SiteLink[] },
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of siteSettingsFields) values[key] = "";
  for (const [key, value] of Object.entries(s)) {
    if (typeof value === "string") values[key] = value;
  }
  s.links.slice(0, SITE_LINK_SLOTS).forEach((link, i) => {
    values[`link${i + 1}Name`] = link.name;
    values[`link${i + 1}Url`] = link.url;
  });
  return values;
}
