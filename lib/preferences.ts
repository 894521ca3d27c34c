/** Display preferences kept in a cookie, so they work without JavaScript and persist. */
export const ELDER_COOKIE = "lvzhi_elder";
export const ELDER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * Where to send the reader back after changing a preference: the page they were on
 * (from the Referer) when it is on this site, else the home page. Never another host.
 */
export function safeReturnPath(referer: string | null, requestUrl: string): string {
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    const here = new URL(requestUrl);
    if (from.host !== here.host) return "/";
    const path = `${from.pathname}${from.search}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}
