import { env } from "./env";
import { siteMessages } from "./messages/site";
import { absoluteUrl } from "./news/rules";

/**
 * The one way to build an absolute address of this site (feeds, iCal, Open Graph, share
 * QR codes, the sitemap, invitation links): SITE_URL (lib/env.ts) + a path.
 */
export function siteUrl(path = "/"): string {
  return absoluteUrl(env.SITE_URL, path);
}

/**
 * What to warn about SITE_URL when a server starts (null: nothing). `raw` is the variable
 * as set (unset or empty: the default http://localhost:3000 would be used). Only a
 * production server is asked: in development localhost is right.
 */
export function siteUrlWarning(
  raw: string | undefined,
  nodeEnv: string | undefined,
): string | null {
  if (nodeEnv !== "production") return null;
  const value = raw?.trim();
  if (!value) return siteMessages.siteUrl.unset;
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return null; // lib/env.ts refuses it with its own message
  }
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/.test(host)
    ? siteMessages.siteUrl.local(value)
    : null;
}
