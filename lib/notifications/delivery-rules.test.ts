import { describe, expect, it } from "vitest";
import { checkAliyunRequest, expectedAliyunSignature } from "@/e2e/notification-sinks.mjs";
import { parseEnv } from "../env";
import { percentEncode, sendSmsParams, signAliyunRpc } from "./aliyun-sms";
import { deliveryErrorText, RETRY_CAP_MS, retryDelayMs } from "./backoff";
import { parseChannelChoices } from "./channel-choices";
import { buildMail, messageIdFor } from "./mail-content";

describe("delivery settings (lib/env.ts)", () => {
  it("leaves e-mail and SMS off when unset", () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SMS_PROVIDER).toBeUndefined();
    expect(env.DELIVERY_MAX_ATTEMPTS).toBe(6);
    expect(env.SMS_ENDPOINT).toBe("https://dysmsapi.aliyuncs.com/");
  });

  it("says clearly what is missing or malformed", () => {
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL must look like smtp:/);
    expect(() => parseEnv({ SMTP_URL: "smtp://127.0.0.1:25" })).toThrow(/MAIL_FROM is required/);
    expect(() => parseEnv({ SMTP_URL: "smtp://h:25", MAIL_FROM: "nobody" })).toThrow(
      /MAIL_FROM must be an address/,
    );
    expect(
      parseEnv({ SMTP_URL: "smtps://u:p@h:465", MAIL_FROM: "履职通 <noreply@example.org>" }),
    ).toMatchObject({ SMTP_URL: "smtps://u:p@h:465" });
    expect(() => parseEnv({ SMS_PROVIDER: "tencent" })).toThrow(/SMS_PROVIDER must be "aliyun"/);
    expect(() => parseEnv({ SMS_PROVIDER: "aliyun" })).toThrow(/SMS_ACCESS_KEY_ID is required/);
    const sms = {
      SMS_PROVIDER: "aliyun",
      SMS_ACCESS_KEY_ID: "id",
      SMS_ACCESS_KEY_SECRET: "secret",
      SMS_SIGN_NAME: "某区政协",
      SMS_TEMPLATE: "SMS_1",
    };
    expect(parseEnv(sms).SMS_PROVIDER).toBe("aliyun");
    expect(() => parseEnv({ ...sms, SMS_TEMPLATES: "note.nope=SMS_2" })).toThrow(
      /unknown notification kind "note.nope"/,
    );
    expect(() => parseEnv({ ...sms, SMS_TEMPLATES: "account.security" })).toThrow(
      /is not kind=TEMPLATE_CODE/,
    );
    expect(() => parseEnv({ DELIVERY_MAX_ATTEMPTS: "0" })).toThrow(/at least 1/);
  });
});

describe("Aliyun's RPC signature", () => {
  it("encodes as Aliyun documents: unreserved characters stay, space is %20, * is %2A", () => {
    expect(percentEncode("a-b_c.d~e")).toBe("a-b_c.d~e");
    expect(percentEncode("a b*c+d/e'(!)")).toBe("a%20b%2Ac%2Bd%2Fe%27%28%21%29");
    expect(percentEncode("政协")).toBe("%E6%94%BF%E5%8D%8F");
  });

  it("signs a request the independent verifier (the tests' SMS stand-in) accepts", () => {
    const params = sendSmsParams(
      { accessKeyId: "id", accessKeySecret: "s3cr*t ~+", regionId: "cn-hangzhou" },
      {
        phone: "13800000001",
        signName: "某区政协",
        templateCode: "SMS_1",
        templateParam: { title: "您的走访记录已受理 (12) * ~ +" },
        outId: "delivery-1",
      },
      "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      new Date(),
    );
    expect(params.Signature).toBe(expectedAliyunSignature("POST", params, "s3cr*t ~+"));
    const ok = { accessKeyId: "id", accessKeySecret: "s3cr*t ~+", nonces: new Set<string>() };
    expect(checkAliyunRequest("POST", params, ok)).toBeNull();
    // The same nonce twice is a replay; a changed value breaks the signature.
    expect(checkAliyunRequest("POST", params, ok)).toBe("SignatureNonceUsed");
    const fresh = { ...ok, nonces: new Set<string>() };
    expect(checkAliyunRequest("POST", { ...params, PhoneNumbers: "13800000002" }, fresh)).toBe(
      "SignatureDoesNotMatch",
    );
    expect(signAliyunRpc("GET", { A: "1" }, "k")).not.toBe(signAliyunRpc("POST", { A: "1" }, "k"));
  });
});

describe("retries and errors", () => {
  it("waits 30 s, then doubles, never more than an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(RETRY_CAP_MS);
  });

  it("keeps no address or phone in the error it stores", () => {
    const text = deliveryErrorText(new Error("550 <wang@example.org>: no such user\n 13800000001"));
    expect(text).toBe("550 <<address>>: no such user <phone>");
  });
});

describe("the e-mail", () => {
  it("has a Message-ID derived from the dedupe key, on the site's host", () => {
    const a = messageIdFor("note.accepted:12:v4:user:7", "https://lvzhi.example.org");
    expect(a).toMatch(/^<notification\.[0-9a-f]{40}@lvzhi\.example\.org>$/);
    expect(messageIdFor("note.accepted:12:v4:user:7", "https://lvzhi.example.org")).toBe(a);
    expect(messageIdFor("note.accepted:12:v5:user:7", "https://lvzhi.example.org")).not.toBe(a);
  });

  it("escapes the HTML and links only paths of this site", () => {
    const mail = buildMail(
      { title: "<b>标题</b>", body: "第一行\n第二行", link: "//evil.example", dedupeKey: "k" },
      "https://lvzhi.example.org",
    );
    expect(mail.html).toContain("&lt;b&gt;标题&lt;/b&gt;");
    expect(mail.html).not.toContain("evil.example");
    expect(mail.text).toContain("第二行");
  });
});

describe("the profile's channel choices", () => {
  const values = (email: string, byEmail = "on", bySms = "") => ({ email, byEmail, bySms });

  it("takes an address or none, and the two checkboxes", () => {
    expect(parseChannelChoices(values(" Wang@Example.org "))).toEqual({
      ok: true,
      data: { email: "wang@example.org", byEmail: true, bySms: false },
    });
    expect(parseChannelChoices(values("", "", "on"))).toEqual({
      ok: true,
      data: { email: null, byEmail: false, bySms: true },
    });
  });

  it("refuses what is not an address, in Chinese, at the field", () => {
    expect(parseChannelChoices(values("wang@"))).toEqual({
      ok: false,
      fieldErrors: { email: "请填写有效的电子邮箱地址，例如 name@example.org。" },
    });
    expect(parseChannelChoices(values(`${"a".repeat(250)}@example.org`))).toMatchObject({
      ok: false,
      fieldErrors: { email: "电子邮箱地址太长（最多 254 个字符）。" },
    });
  });
});
