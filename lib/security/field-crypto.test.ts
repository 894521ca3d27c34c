import { describe, expect, it } from "vitest";
import {
  blindIndex,
  type DataKeyring,
  decryptField,
  encryptField,
  envelopeKeyId,
  FieldDecryptionError,
  parseDataKeys,
  parseKeyBytes,
} from "./field-crypto";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const ring = (spec: string, index = 1): DataKeyring => ({
  keys: parseDataKeys(spec),
  indexKey: Buffer.alloc(32, index),
});
const A = ring(`a:${key(1)}`);

describe("encryptField / decryptField (AES-256-GCM)", () => {
  it("round-trips, as v1:<key id>:…, never the same twice and never in clear", () => {
    const one = encryptField(A, "registrations.phone", "13912345678");
    const two = encryptField(A, "registrations.phone", "13912345678");
    expect(one).toMatch(/^v1:a:[\w-]+:[\w-]+:[\w-]+$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain("13912345678");
    expect(decryptField(A, "registrations.phone", one)).toBe("13912345678");
    expect(envelopeKeyId(one)).toBe("a");
  });

  it("refuses a value encrypted for another column", () => {
    const phone = encryptField(A, "registrations.phone", "13912345678");
    expect(() => decryptField(A, "users.phone", phone)).toThrow(FieldDecryptionError);
    expect(() => decryptField(A, "opinions.contact", phone)).toThrow(FieldDecryptionError);
  });

  it("refuses a wrong key, an unknown key id and a tampered value", () => {
    const phone = encryptField(A, "users.phone", "13912345678");
    // Same id, other key bytes.
    expect(() => decryptField(ring(`a:${key(2)}`), "users.phone", phone)).toThrow(
      FieldDecryptionError,
    );
    expect(() => decryptField(ring(`b:${key(1)}`), "users.phone", phone)).toThrow(/未知密钥 a/);
    const parts = phone.split(":");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptField(A, "users.phone", parts.join(":"))).toThrow(FieldDecryptionError);
    expect(() => decryptField(A, "users.phone", "13912345678")).toThrow(/不是加密值/);
  });

  it("writes with the first key and reads with any", () => {
    const old = encryptField(A, "users.totp_secret", "JBSWY3DPEHPK3PXP");
    const rotated = ring(`b:${key(2)},a:${key(1)}`);
    expect(decryptField(rotated, "users.totp_secret", old)).toBe("JBSWY3DPEHPK3PXP");
    expect(envelopeKeyId(encryptField(rotated, "users.totp_secret", "x"))).toBe("b");
  });

  it("keeps the empty string empty (no contact given)", () => {
    expect(encryptField(A, "opinions.contact", "")).toBe("");
    expect(decryptField(A, "opinions.contact", "")).toBe("");
  });
});

describe("blindIndex", () => {
  it("is stable for one key and differs between keys and values", () => {
    expect(blindIndex(A.indexKey, "13912345678")).toBe(blindIndex(A.indexKey, "13912345678"));
    expect(blindIndex(A.indexKey, "13912345678")).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(Buffer.alloc(32, 2), "13912345678")).not.toBe(
      blindIndex(A.indexKey, "13912345678"),
    );
    expect(blindIndex(A.indexKey, "13912345679")).not.toBe(blindIndex(A.indexKey, "13912345678"));
  });
});

describe("key parsing", () => {
  it("takes id:base64 lists of 32-byte keys and says what is wrong otherwise", () => {
    expect(parseDataKeys(`k1:${key(1)}, k0:${key(2)}`).map((k) => k.id)).toEqual(["k1", "k0"]);
    expect(() => parseDataKeys(key(1))).toThrow(/id:base64/);
    expect(() => parseDataKeys(`k1:${Buffer.alloc(16).toString("base64")}`)).toThrow(/32 字节/);
    expect(() => parseDataKeys(`k1:${key(1)},k1:${key(2)}`)).toThrow(/不能重复/);
    expect(() => parseKeyBytes("short", "DATA_INDEX_KEY")).toThrow(/DATA_INDEX_KEY/);
  });
});
