// What server.mjs answers itself, before Next sees a request: an address that names no page
// (escapes that are not UTF-8, control characters) and a body over its route's limit
// (server/http/body-limits.mjs). Short answers of our own: no script, never cached.
import { addressHasControlCharacters } from "../../lib/text/control-characters.mjs";
import { bodyLimitFor, countBody, declaresTooMuch } from "./body-limits.mjs";

/** How long a refused body is still read off (and dropped), so the client sees the answer. */
const LINGER_MS = 10_000;
const OWN_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * @param {{ securityHeaders: Record<string, string>, signedIn: (req: import("node:http").IncomingMessage) => boolean }} options
 *   the headers every response carries, and whether a request carries a session cookie
 */
export function earlyAnswers({ securityHeaders, signedIn }) {
  /** A short Chinese page. */
  function answerPage(res, status, title, text, headers = {}) {
    const page = Buffer.from(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>` +
        `<body><h1>${title}</h1><p>${text}</p></body></html>`,
    );
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": String(page.length),
      "content-security-policy": OWN_POLICY,
      "cache-control": "no-store",
      ...headers,
    });
    res.end(page);
  }

  /**
   * Refuses an address no page can read (answers 400 and says true): %-escapes in the path
   * that are not UTF-8 (Next would answer a 500), or a NUL or another control character in
   * the path or the query (the forms' own check is lib/form-state.ts, controlCharacterRefusal).
   */
  function refuseAddress(req, res) {
    const url = req.url || "/";
    if (hasUndecodablePath(url)) {
      for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
      res.writeHead(400, {
        "content-type": "text/plain; charset=utf-8",
        "content-security-policy": OWN_POLICY,
      });
      res.end("请求地址无效：地址中含有无法识别的字符，请检查链接后重试。");
      return true;
    }
    if (addressHasControlCharacters(url)) {
      answerPage(res, 400, "请求地址无效", "地址中含有无法识别的控制字符，请删除后重试。");
      return true;
    }
    return false;
  }

  /**
   * 413 for a body over its route's limit: answered at once, whatever else was doing with
   * the request says nothing more, and the connection is closed after a short linger
   * instead of reading the rest.
   */
  function refuseTooLarge(req, res) {
    if (!res.headersSent) {
      answerPage(
        res,
        413,
        "提交的内容过大",
        "提交的内容超过了此页面允许的大小，请删减内容或减少、缩小图片后重试。",
        { connection: "close" },
      );
    }
    // Next may still be waiting for the body: whatever it answers goes nowhere.
    res.writeHead = () => res;
    res.setHeader = () => res;
    res.write = () => true;
    res.end = () => res;
    // Node destroys a "Connection: close" socket once the answer is written; with the body
    // still coming, that resets the connection and the client never reads the 413. Only our
    // side is closed: the rest is read and dropped until the client is done, or the linger ends.
    const socket = req.socket;
    socket.destroySoon = () => socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  }

  const limitOf = (req) => bodyLimitFor(req.url || "/", { signedIn: signedIn(req) }).limit;

  /**
   * Refuses (413, and says true) a body whose declared length is over its route's limit;
   * otherwise counts it from here on, cut at the limit.
   */
  function refuseBody(req, res) {
    const limit = limitOf(req);
    if (declaresTooMuch(req, limit)) {
      refuseTooLarge(req, res);
      return true;
    }
    countBody(req, limit, () => refuseTooLarge(req, res));
    return false;
  }

  /**
   * For `Expect: 100-continue` (curl, for large bodies): a declared size over the limit is
   * refused before the client sends a byte of it; otherwise "continue", then `onRequest`.
   */
  function checkContinue(req, res, onRequest) {
    if (declaresTooMuch(req, limitOf(req))) {
      refuseTooLarge(req, res);
      return;
    }
    res.writeContinue();
    onRequest(req, res);
  }

  return { refuseAddress, refuseBody, checkContinue };
}

/** A path whose %-escapes are not UTF-8 names no page (Next would answer it with a 500). */
function hasUndecodablePath(url) {
  const path = url.split("?", 1)[0];
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
