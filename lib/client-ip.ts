import { isIP } from "node:net";

/** Set by server.mjs on every request, overwriting whatever the client sent. */
export const CLIENT_IP_HEADER = "x-lvzhi-client-ip";

/**
 * The client's IP address, for rate limits, lockouts and the audit log.
 *
 * server.mjs works it out from the socket and, only when the peer is one of the
 * TRUSTED_PROXIES, from X-Forwarded-For; it writes the result into CLIENT_IP_HEADER,
 * replacing any value the client sent. So a forged X-Forwarded-For or X-Real-IP
 * changes nothing here. Without server.mjs (`next dev`) the answer is "unknown".
 */
export function clientIpFrom(headers: Pick<Headers, "get">): string {
  return cleanAddress(headers.get(CLIENT_IP_HEADER)) ?? "unknown";
}

function cleanAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" → the address alone.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  // "::ffff:127.0.0.1", as Node reports IPv4 peers on a dual-stack socket.
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}
