import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";

/**
 * Crafted form posts: what a browser without JavaScript sends when a server-action form is
 * submitted (a multipart POST of the form's fields, hidden `$ACTION_…` fields included, to
 * the form's URL), with whatever values, repeats, files and raw bytes an attacker likes.
 */

export interface Part {
  name: string;
  /** A string is sent as UTF-8; a Buffer as raw bytes (invalid UTF-8 included). */
  value: string | Buffer;
  /** Sent as a file when set. */
  filename?: string;
  contentType?: string;
}

export const field = (name: string, value: string | Buffer): Part => ({ name, value });
export const file = (name: string, filename: string, value: Buffer, contentType: string): Part => ({
  name,
  value,
  filename,
  contentType,
});

export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----sweep${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += "\r\n";
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, "utf8"));
    chunks.push(typeof part.value === "string" ? Buffer.from(part.value, "utf8") : part.value);
    chunks.push(Buffer.from("\r\n", "utf8"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, "utf8"));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface HarvestedForm {
  /** Absolute URL the form posts to. */
  action: string;
  /** Its hidden fields (the server action's id and bound state among them). */
  hidden: Part[];
}

/** The hidden fields and target of a form as the server rendered it on the current page. */
export async function harvestForm(page: Page, form: Locator): Promise<HarvestedForm> {
  const { action, hidden } = await form.evaluate((el) => {
    const f = el as HTMLFormElement;
    const inputs = [...f.querySelectorAll<HTMLInputElement>("input[type=hidden]")];
    return {
      action: f.getAttribute("action") ?? "",
      hidden: inputs.filter((i) => i.name).map((i) => ({ name: i.name, value: i.value })),
    };
  });
  return { action: new URL(action || page.url(), page.url()).toString(), hidden };
}

export interface Answer {
  status: number;
  html: string;
  location: string | null;
}

/**
 * Posts the form's hidden fields plus `parts` (a part named like a hidden field replaces
 * it, unless `keepHidden` lists it). Redirects are not followed: a 303 is an answer too.
 */
export async function postForm(
  page: Page,
  form: HarvestedForm,
  parts: Part[],
  options: { keepHidden?: string[] } = {},
): Promise<Answer> {
  const overridden = new Set(parts.map((p) => p.name));
  const hidden = form.hidden.filter(
    (h) => !overridden.has(h.name) || options.keepHidden?.includes(h.name),
  );
  const { body, contentType } = multipart([...hidden, ...parts]);
  const response = await page.request.post(form.action, {
    data: body,
    headers: { "content-type": contentType, origin: new URL(form.action).origin },
    maxRedirects: 0,
    timeout: 120_000,
  });
  return {
    status: response.status(),
    html: await response.text(),
    location: response.headers().location ?? null,
  };
}

/** HTML text with tags dropped and the usual entities decoded, to look for messages in. */
export function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/**
 * Shows `html` (a server's answer to a crafted post) in the browser at `url`, scripts and
 * all, as the browser that sent the post would have shown it.
 */
export async function showAnswer(page: Page, url: string, html: string): Promise<void> {
  await page.route(
    url,
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    { times: 1 },
  );
  await page.goto(url);
}
