// The client's address and the request's origin, as server.mjs works them out before Next
// runs: believed from X-Forwarded-* only when the peer is one of TRUSTED_PROXIES.

/**
 * @param {string} trustedList comma-separated addresses of the reverse proxies (TRUSTED_PROXIES)
 */
export function forwardedReader(trustedList) {
  const trustedProxies = new Set(
    String(trustedList || "")
      .split(",")
      .map((a) => normaliseAddress(a))
      .filter(Boolean),
  );

  /**
   * The client's address, for rate limits, lockouts and the audit log: the socket's peer,
   * or, when the peer is a trusted proxy, the nearest untrusted hop of X-Forwarded-For.
   * A forged header from anyone else changes nothing. The app reads only the result.
   * @param {import("node:http").IncomingMessage} req
   */
  function clientAddress(req) {
    let address = normaliseAddress(req.socket.remoteAddress);
    if (trustedProxies.has(address)) {
      const hops = String(req.headers["x-forwarded-for"] || "")
        .split(",")
        .map(normaliseAddress)
        .filter(Boolean);
      while (hops.length > 0 && trustedProxies.has(address)) address = hops.pop() ?? "";
    }
    return address || "unknown";
  }

  /**
   * Where the browser sent the request: `proto://host`, from the socket and the Host header,
   * or, when the peer is a trusted proxy, from its X-Forwarded-Proto and X-Forwarded-Host.
   * From anyone else those two headers are dropped, so that neither Next nor the app ever
   * believes them. Written into x-lvzhi-origin for the route handlers' Origin check
   * (lib/security/origin.ts).
   * @param {import("node:http").IncomingMessage} req
   */
  function requestOrigin(req) {
    /** @param {unknown} value */
    const first = (value) =>
      String(value || "")
        .split(",")[0]
        .trim();
    let proto = /** @type {import("node:tls").TLSSocket} */ (req.socket).encrypted
      ? "https"
      : "http";
    let host = first(req.headers.host);
    if (trustedProxies.has(normaliseAddress(req.socket.remoteAddress))) {
      const forwardedProto = first(req.headers["x-forwarded-proto"]).toLowerCase();
      if (forwardedProto === "https" || forwardedProto === "http") proto = forwardedProto;
      host = first(req.headers["x-forwarded-host"]) || host;
    } else {
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-host"];
    }
    return { proto, origin: `${proto}://${host}` };
  }

  return { clientAddress, requestOrigin };
}

/** @param {unknown} address */
function normaliseAddress(address) {
  const a = String(address || "")
    .trim()
    .toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}
