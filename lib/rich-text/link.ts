import { isSafeUrl } from "../markdown";
import { richTextMessages } from "../messages/rich-text";

/** What the link dialog makes of an address: the address to set, or why not (Chinese). */
export type LinkCheck = { ok: true; href: string } | { ok: false; message: string };

const WEB = /^https?:\/\/[^\s/?#\\]+[^\s\\]*$/i;
const MAIL = /^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const PHONE = /^tel:\+?[0-9][0-9-]{2,19}$/i;
/** A path on this site: one slash (two would be another site), nothing a browser reads as a scheme. */
const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;

/**
 * The rich-text editor's link dialog accepts only what the server's allowlist keeps
 * (lib/rich-text/sanitize.ts): http(s) addresses with a host, mailto:, tel: and paths on
 * this site. An empty address means "no link". The message says which forms work.
 */
export function checkLinkHref(raw: string): LinkCheck {
  const href = raw.trim();
  if (href === "") return { ok: true, href };
  const fits = WEB.test(href) || MAIL.test(href) || PHONE.test(href) || SITE_PATH.test(href);
  // isSafeUrl (Markdown's rule) knows no tel:; the allowlist keeps exactly PHONE's form.
  return fits && (PHONE.test(href) || isSafeUrl(href))
    ? { ok: true, href }
    : { ok: false, message: richTextMessages.linkInvalid };
}
