// The soak's HTTP side: a keep-alive client that never follows redirects, a cookie jar
// per simulated browser, an HTML form reader and a multipart encoder — what a browser
// without JavaScript does with a form, and nothing more.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { gunzipSync } from "node:zlib";

/** Shared by every simulated browser: connections are reused, as a browser reuses its own. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 2_000, maxFreeSockets: 512 });

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Where a redirect points, as a path on the site (null when not a redirect). */
  location: string | null;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly kind: "network" | "timeout",
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export interface RequestOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs?: number;
  jar?: CookieJar;
}

export function request(base: URL, path: string, options: RequestOptions = {}) {
  const url = new URL(path, base);
  const headers: Record<string, string> = {
    "user-agent": "lvzhi-soak/1 (no JavaScript)",
    accept: "text/html,application/xhtml+xml,*/*;q=0.8",
    "accept-language": "zh-CN,zh;q=0.9",
    ...options.headers,
  };
  const cookie = options.jar?.header();
  if (cookie) headers.cookie = cookie;
  if (options.body) headers["content-length"] = String(options.body.length);
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response as HttpResponse);
    };
    const req = http.request(url, { method: options.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => finish(new HttpError(error.message, "network")));
      res.on("aborted", () => finish(new HttpError("response aborted", "network")));
      res.on("end", () => {
        if (!res.complete) {
          finish(new HttpError("response cut short", "network"));
          return;
        }
        options.jar?.store(res.headers["set-cookie"]);
        const raw = res.headers.location;
        let location: string | null = null;
        if (raw && res.statusCode && res.statusCode >= 300 && res.statusCode < 400) {
          const target = new URL(raw, url);
          location = `${target.pathname}${target.search}`;
        }
        let body = Buffer.concat(chunks);
        if (res.headers["content-encoding"] === "gzip") {
          try {
            body = gunzipSync(body);
          } catch {
            finish(new HttpError("corrupt gzip body", "network"));
            return;
          }
        }
        finish(null, { status: res.statusCode ?? 0, headers: res.headers, body, location });
      });
    });
    const timer = setTimeout(() => {
      finish(new HttpError(`timed out after ${timeoutMs} ms`, "timeout"));
      req.destroy();
    }, timeoutMs);
    req.on("error", (error) => finish(new HttpError(error.message, "network")));
    req.end(options.body);
  });
}

/**
 * The cookies of one simulated browser (host-only, path "/": all this site sets). Like a
 * browser it stops sending a cookie once its Max-Age (or Expires) has run out: the proxy's
 * SESSION_AWAKE_COOKIE lasts seconds, and a jar that kept it would skip work a real
 * browser makes the server do.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  header(): string {
    return [...this.live()].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.live().has(name);
  }

  clear() {
    this.cookies.clear();
  }

  store(setCookie: string[] | undefined) {
    const now = this.now();
    for (const line of setCookie ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let maxAge: number | null = null;
      let expires: number | null = null;
      for (const a of attributes) {
        const [key = "", v = ""] = a.split("=").map((s) => s.trim());
        if (key.toLowerCase() === "max-age") maxAge = Number(v);
        if (key.toLowerCase() === "expires") expires = Date.parse(v);
      }
      // Max-Age wins over Expires (RFC 6265 5.3); neither: until the browser closes.
      const until =
        maxAge !== null && Number.isFinite(maxAge)
          ? now + maxAge * 1000
          : expires !== null && Number.isFinite(expires)
            ? expires
            : Number.POSITIVE_INFINITY;
      if (until <= now || value === "") this.cookies.delete(name);
      else this.cookies.set(name, { value, until });
    }
  }

  private live(): Map<string, string> {
    const now = this.now();
    const out = new Map<string, string>();
    for (const [name, { value, until }] of this.cookies) {
      if (until > now) out.set(name, value);
      else this.cookies.delete(name);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// HTML forms

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = tag.replace(/^<\s*[a-z0-9]+/i, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = (m[1] as string).toLowerCase();
    out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

export interface FormField {
  name: string;
  value: string;
}

export interface ParsedForm {
  /** The form's action ("" = the page's own URL). */
  action: string;
  method: string;
  enctype: string;
  /** What a browser would send without anyone touching the form, in document order. */
  fields: FormField[];
  /** Submit buttons (name → value) a click could add. */
  buttons: FormField[];
  /** The options of each <select>, by the select's name. */
  selects: Record<string, string[]>;
}

/** The first <form> of `html` that holds a control named `marker`. */
export function findForm(html: string, marker: string): ParsedForm | null {
  for (const m of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const source = m[0];
    if (!new RegExp(`name="${marker.replace(/[$]/g, "\\$")}"`).test(source)) continue;
    return parseForm(source);
  }
  return null;
}

function parseForm(source: string): ParsedForm {
  const open = /^<form\b[^>]*>/i.exec(source)?.[0] ?? "<form>";
  const attrs = attributesOf(open);
  const fields: FormField[] = [];
  const buttons: FormField[] = [];
  const selects: Record<string, string[]> = {};
  const controls =
    /<(input|button)\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/gi;
  for (const m of source.matchAll(controls)) {
    const whole = m[0];
    const kind = m[1]?.toLowerCase();
    if (kind === "input") {
      const a = attributesOf(whole);
      if (!a.name || "disabled" in a) continue;
      const type = (a.type ?? "text").toLowerCase();
      if (type === "submit" || type === "image") {
        buttons.push({ name: a.name, value: a.value ?? "" });
      } else if (type === "checkbox" || type === "radio") {
        if ("checked" in a) fields.push({ name: a.name, value: a.value ?? "on" });
      } else if (type !== "file" && type !== "button" && type !== "reset") {
        fields.push({ name: a.name, value: a.value ?? "" });
      }
    } else if (kind === "button") {
      const a = attributesOf(whole);
      const type = (a.type ?? "submit").toLowerCase();
      if (a.name && type === "submit") buttons.push({ name: a.name, value: a.value ?? "" });
    } else if (m[2] !== undefined) {
      const a = attributesOf(`<textarea${m[2]}>`);
      if (a.name)
        fields.push({ name: a.name, value: decodeEntities(m[3] ?? "").replace(/^\n/, "") });
    } else if (m[4] !== undefined) {
      const a = attributesOf(`<select${m[4]}>`);
      if (!a.name) continue;
      const options = [...(m[5] ?? "").matchAll(/<option\b[^>]*>/gi)].map((o) =>
        attributesOf(o[0]),
      );
      selects[a.name] = options.map((o) => o.value ?? "");
      const chosen = options.find((o) => "selected" in o) ?? options[0];
      if (chosen) fields.push({ name: a.name, value: chosen.value ?? "" });
    }
  }
  return {
    action: attrs.action ?? "",
    method: (attrs.method ?? "get").toUpperCase(),
    enctype: attrs.enctype ?? "application/x-www-form-urlencoded",
    fields,
    buttons,
    selects,
  };
}

/** Fields with some replaced (by name; a name not present is added at the end). */
export function withValues(fields: FormField[], values: Record<string, string>): FormField[] {
  const out = fields.map((f) =>
    f.name in values ? { name: f.name, value: values[f.name] as string } : f,
  );
  for (const [name, value] of Object.entries(values)) {
    if (!fields.some((f) => f.name === name)) out.push({ name, value });
  }
  return out;
}

export interface FilePart {
  name: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** A multipart/form-data body, fields then files, as a browser encodes a form. */
export function multipart(fields: FormField[], files: FilePart[] = []) {
  const boundary = `----lvzhiSoak${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  const quote = (s: string) => s.replace(/"/g, "%22").replace(/\r?\n/g, " ");
  for (const field of fields) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(field.name)}"\r\n\r\n${field.value.replace(/\r?\n/g, "\r\n")}\r\n`,
      ),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
