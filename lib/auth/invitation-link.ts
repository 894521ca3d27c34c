/**
 * Invitation links put the token in the fragment (`/invite#<43 base64url characters>`):
 * browsers never send a fragment to the server, so the token stays out of request lines,
 * proxy and access logs and Referer headers. The page reads it in the browser and posts it.
 * Pure (no crypto here): the invitation page's client code uses it too.
 */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function invitationUrl(siteUrl: string, token: string): string {
  return new URL(`/invite#${token}`, siteUrl).toString();
}

/**
 * The token in what the person has: the fragment (`#…`), the whole link pasted, the older
 * `/invite/<token>` link, or the bare token; null when none of these holds one.
 */
export function invitationTokenFrom(text: string): string | null {
  const trimmed = text.trim().slice(0, 2048);
  const candidate = trimmed.includes("#")
    ? trimmed.slice(trimmed.lastIndexOf("#") + 1)
    : (trimmed
        .replace(/[/?]+$/, "")
        .split(/[/?]/)
        .pop() ?? "");
  return TOKEN.test(candidate) ? candidate : null;
}
