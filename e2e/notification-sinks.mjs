// Stand-ins for the outside channels of notifications, for tests: a real SMTP server
// (smtp-server) that keeps what it receives, and a local HTTP server standing in for
// Aliyun's SMS API that VERIFIES each request's signature by recomputing it as Aliyun
// documents it (independently of lib/notifications/aliyun-sms.ts).
//
// Imported by the integration tests; run as a program by playwright.config.ts for the e2e
// server (`node e2e/notification-sinks.mjs`): SMTP on SINK_SMTP_PORT, and on SINK_HTTP_PORT
// the SMS API (POST /) plus what was received (GET /_sink/mail, GET /_sink/sms) for the
// specs (e2e/mail-sink.ts).
import { createHmac } from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

// --- reading a received mail ------------------------------------------------------------

function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_w, _charset, enc, text) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function splitEntity(raw) {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(headers, body) {
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (encoding === "base64")
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

/** Subject, Message-ID, From, the text and HTML parts of a raw message. */
export function decodeMail(raw) {
  const { headers, body } = splitEntity(raw);
  const parts = { text: "", html: "" };
  const collect = (entityHeaders, entityBody) => {
    const type = (entityHeaders["content-type"] ?? "text/plain").toLowerCase();
    const boundary = /boundary="?([^";]+)"?/i.exec(entityHeaders["content-type"] ?? "")?.[1];
    if (type.startsWith("multipart/") && boundary) {
      for (const piece of entityBody.split(`--${boundary}`).slice(1)) {
        if (piece.startsWith("--")) break;
        const inner = splitEntity(piece.replace(/^\r?\n/, ""));
        collect(inner.headers, inner.body);
      }
    } else if (type.startsWith("text/html")) {
      parts.html += decodeBody(entityHeaders, entityBody);
    } else if (type.startsWith("text/plain")) {
      parts.text += decodeBody(entityHeaders, entityBody);
    }
  };
  collect(headers, body);
  return {
    subject: decodeWords(headers.subject ?? ""),
    from: decodeWords(headers.from ?? ""),
    messageId: headers["message-id"] ?? "",
    text: parts.text,
    html: parts.html,
  };
}

// --- SMTP -------------------------------------------------------------------------------

/**
 * A real SMTP server on 127.0.0.1 (no TLS, no AUTH). `refuse({ to, raw })` may answer
 * `{ code, message }` to refuse a message (e.g. 451 to make the sender retry).
 */
/**
 * @param {{ port?: number, refuse?: (mail: { to: string[], raw: string }) =>
 *   ({ code?: number, message?: string } | null) }} [options]
 */
export async function startSmtpSink({ port = 0, refuse } = {}) {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A reverse DNS lookup per connection is what a real relay does; a local sink needs none.
    disableReverseLookup: true,
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address);
        const refusal = refuse?.({ to, raw });
        if (refusal) {
          const error = new Error(refusal.message ?? "try again later");
          error.responseCode = refusal.code ?? 451;
          callback(error);
          return;
        }
        messages.push({
          to,
          ...decodeMail(raw),
          at: new Date().toISOString(),
          connection: session.id,
        });
        callback();
      });
    },
  });
  // A client that vanishes mid-connection (a server killed by the soak while its pooled
  // connection is open) resets the socket: a real mail server shrugs, and so does this one.
  server.on("error", () => {});
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: server.server.address().port,
    messages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// --- Aliyun SMS API stand-in -------------------------------------------------------------

/**
 * Aliyun's documented encoding: the standard form encoding (as Java's URLEncoder), then
 * "+" → "%20", "*" → "%2A", "%7E" → "~".
 */
function aliyunEncode(value) {
  return new URLSearchParams({ v: value })
    .toString()
    .slice(2)
    .replace(/\+/g, "%20")
    .replace(/\*/g, "%2A")
    .replace(/%7E/g, "~");
}

/** The signature Aliyun would compute for these parameters (RPC, HMAC-SHA1, 1.0). */
/**
 * @param {string} method
 * @param {Record<string, string>} params
 * @param {string} accessKeySecret
 */
export function expectedAliyunSignature(method, params, accessKeySecret) {
  const pairs = Object.entries(params).filter(([name]) => name !== "Signature");
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([k, v]) => `${aliyunEncode(k)}=${aliyunEncode(v)}`).join("&");
  const stringToSign = [method, aliyunEncode("/"), aliyunEncode(query)].join("&");
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign).digest("base64");
}

/** Why Aliyun would refuse this request, or null when it is well signed. */
export function checkAliyunRequest(method, params, { accessKeyId, accessKeySecret, nonces }) {
  const required = [
    "AccessKeyId",
    "Action",
    "Format",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureVersion",
    "Timestamp",
    "Version",
    "Signature",
    "PhoneNumbers",
    "SignName",
    "TemplateCode",
    "RegionId",
  ];
  const missing = required.find((name) => !params[name]);
  if (missing) return `MissingParameter ${missing}`;
  if (params.AccessKeyId !== accessKeyId) return "InvalidAccessKeyId.NotFound";
  if (params.Action !== "SendSms" || params.Version !== "2017-05-25") return "InvalidAction";
  if (params.SignatureMethod !== "HMAC-SHA1" || params.SignatureVersion !== "1.0") {
    return "InvalidSignatureMethod";
  }
  const at = Date.parse(params.Timestamp);
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp) ||
    Math.abs(Date.now() - at) > 15 * 60_000
  ) {
    return "InvalidTimeStamp.Expired";
  }
  if (nonces.has(params.SignatureNonce)) return "SignatureNonceUsed";
  if (expectedAliyunSignature(method, params, accessKeySecret) !== params.Signature) {
    return "SignatureDoesNotMatch";
  }
  nonces.add(params.SignatureNonce);
  return null;
}

/**
 * Answers SendSms as Aliyun does ({Code:"OK"} or a refusal with its code), keeps what it
 * accepted in `received` and the codes it refused in `refused`. `extra(req, res)` may answer
 * other paths first (the e2e sink's read API).
 */
/**
 * @param {{ port?: number, accessKeyId?: string, accessKeySecret?: string,
 *   extra?: (req: import("node:http").IncomingMessage,
 *     res: import("node:http").ServerResponse) => boolean }} options
 */
export async function startAliyunSmsStub({ port = 0, accessKeyId, accessKeySecret, extra }) {
  const received = [];
  const refused = [];
  const nonces = new Set();
  const server = http.createServer((req, res) => {
    if (extra?.(req, res)) return;
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const params = Object.fromEntries(url.searchParams);
      if (req.method === "POST") {
        Object.assign(
          params,
          Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))),
        );
      }
      const problem = checkAliyunRequest(req.method ?? "GET", params, {
        accessKeyId,
        accessKeySecret,
        nonces,
      });
      res.setHeader("content-type", "application/json");
      if (problem) {
        refused.push(problem);
        res.statusCode = 400;
        res.end(
          JSON.stringify({ Code: problem.split(" ")[0], Message: problem, RequestId: "stub" }),
        );
        return;
      }
      received.push({
        phone: params.PhoneNumbers,
        signName: params.SignName,
        templateCode: params.TemplateCode,
        templateParam: JSON.parse(params.TemplateParam ?? "{}"),
        outId: params.OutId ?? "",
        at: new Date().toISOString(),
      });
      res.end(
        JSON.stringify({
          Code: "OK",
          Message: "OK",
          BizId: `stub-${received.length}`,
          RequestId: "stub",
        }),
      );
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    url: `http://127.0.0.1:${server.address().port}/`,
    received,
    refused,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// --- as a program: the e2e run's sinks ----------------------------------------------------

async function main() {
  const smtp = await startSmtpSink({ port: Number(process.env.SINK_SMTP_PORT) });
  let sms;
  sms = await startAliyunSmsStub({
    port: Number(process.env.SINK_HTTP_PORT),
    accessKeyId: process.env.SMS_ACCESS_KEY_ID,
    accessKeySecret: process.env.SMS_ACCESS_KEY_SECRET,
    extra: (req, res) => {
      if (req.method !== "GET" || !req.url?.startsWith("/_sink/")) return false;
      res.setHeader("content-type", "application/json");
      const what = req.url.startsWith("/_sink/mail")
        ? smtp.messages
        : req.url.startsWith("/_sink/sms")
          ? sms.received
          : null;
      res.statusCode = what ? 200 : 404;
      res.end(JSON.stringify(what ?? { error: "unknown" }));
      return true;
    },
  });
  console.log(`[sinks] SMTP on ${smtp.port}, SMS API and /_sink/ on ${sms.port}`);
  const stop = () => Promise.all([smtp.close(), sms.close()]).finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
