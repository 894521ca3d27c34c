import { createHmac } from "node:crypto";

/**
 * Aliyun SMS (Dysmsapi 2017-05-25, SendSms), signed with the RPC signature mechanism
 * (SignatureMethod HMAC-SHA1, SignatureVersion 1.0) as Aliyun documents it:
 *   1. sort every parameter but Signature by name; percent-encode names and values in
 *      UTF-8 (A-Z a-z 0-9 - _ . ~ left as they are, space as %20, everything else %XY);
 *   2. StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalized query);
 *   3. Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)).
 * Pure: the sender (server/notifications/sms.ts) adds the nonce, the clock and the I/O.
 */

export interface AliyunSmsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  regionId: string;
}

export interface AliyunSmsMessage {
  /** Mainland mobile, 11 digits. */
  phone: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  /** Echoed back in Aliyun's delivery receipts: the delivery's own key. */
  outId: string;
}

/** RFC 3986 unreserved characters stay; everything else is %XY of its UTF-8 bytes. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Aliyun's ISO 8601 UTC timestamp without milliseconds: 2026-12-05T12:00:00Z. */
export function aliyunTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function signAliyunRpc(
  method: "GET" | "POST",
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  const canonical = Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? "")}`)
    .join("&");
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign, "utf8").digest("base64");
}

/** The signed parameters of one SendSms request (sent as the POST body). */
export function sendSmsParams(
  credentials: AliyunSmsCredentials,
  message: AliyunSmsMessage,
  nonce: string,
  now: Date,
): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: credentials.accessKeyId,
    Action: "SendSms",
    Format: "JSON",
    RegionId: credentials.regionId,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: nonce,
    SignatureVersion: "1.0",
    Timestamp: aliyunTimestamp(now),
    Version: "2017-05-25",
    PhoneNumbers: message.phone,
    SignName: message.signName,
    TemplateCode: message.templateCode,
    TemplateParam: JSON.stringify(message.templateParam),
    OutId: message.outId,
  };
  return { ...params, Signature: signAliyunRpc("POST", params, credentials.accessKeySecret) };
}

/** The form body of the request: the same encoding as the signature's. */
export function formBody(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&");
}
