/**
 * The settings form's field names, without zod: the client form imports these, and zod 4
 * probes `new Function` when loaded, which the strict CSP reports as a violation.
 */

/** How many link rows the settings page offers (national, provincial, city, one more). */
export const SITE_LINK_SLOTS = 4;

export const linkFields = Array.from({ length: SITE_LINK_SLOTS }, (_, i) => ({
  name: `link${i + 1}Name`,
  url: `link${i + 1}Url`,
}));

export const siteSettingsFields = [
  "name",
  "shortName",
  "hostOrganisation",
  "contactAddress",
  "postcode",
  "contactPhone",
  "contactEmail",
  "icpNumber",
  "policeNumber",
  "govSiteCode",
  ...linkFields.flatMap((f) => [f.name, f.url]),
] as const;
