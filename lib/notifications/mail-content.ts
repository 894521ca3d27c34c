import { createHash } from "node:crypto";
import { deliveryMessages } from "../messages/notification-delivery";

const m = deliveryMessages.mail;

export interface MailNotification {
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * The Message-ID is derived from the notification's dedupe key: a mail sent twice (a
 * retry after an answer that was lost) carries the same id, and mail systems that
 * deduplicate by Message-ID show it once.
 */
export function messageIdFor(dedupeKey: string, siteUrl: string): string {
  const host = new URL(siteUrl).hostname || "localhost";
  const digest = createHash("sha256").update(dedupeKey, "utf8").digest("hex").slice(0, 40);
  return `<notification.${digest}@${host}>`;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The link as an absolute address on this site (only paths: nothing else is linked). */
export function absoluteLink(link: string, siteUrl: string): string | null {
  if (!link.startsWith("/") || link.startsWith("//")) return null;
  return new URL(link, siteUrl).toString();
}

/** A plain-text body and a simple HTML one, in Chinese: title, body, a link to the site. */
export function buildMail(notification: MailNotification, siteUrl: string): MailContent {
  const url = absoluteLink(notification.link, siteUrl);
  const site = m.siteName;
  const lines = [
    m.greeting,
    "",
    notification.title,
    ...(notification.body ? ["", notification.body] : []),
    ...(url ? ["", `${m.open}：${url}`] : []),
    "",
    "——",
    m.footer(site),
  ];
  const paragraphs = notification.body
    .split(/\n+/)
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("");
  const html = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(notification.title)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.6;color:#222">',
    `<p>${escapeHtml(m.greeting)}</p>`,
    `<h1 style="font-size:18px">${escapeHtml(notification.title)}</h1>`,
    paragraphs,
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(m.open)}</a></p>` : "",
    `<hr><p style="font-size:12px;color:#666">${escapeHtml(m.footer(site))}</p>`,
    "</body></html>",
  ].join("");
  return {
    subject: notification.title,
    text: lines.join("\n"),
    html,
    messageId: messageIdFor(notification.dedupeKey, siteUrl),
  };
}
