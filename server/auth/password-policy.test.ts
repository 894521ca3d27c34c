import { describe, expect, it } from "vitest";
import { checkNewPassword, commonPasswords, parseCommonPasswords } from "./password-policy";

const owner = { username: "zhangsan", phone: "13800000001" };

describe("password policy", () => {
  it("takes 10 to 128 characters, counting Chinese characters as one each", () => {
    expect(checkNewPassword("short-pw1", owner)).toBe("too_short");
    expect(checkNewPassword("九个字的中文密码啊", owner)).toBe("too_short");
    expect(checkNewPassword("十个字的中文密码好啊", owner)).toBeNull();
    expect(checkNewPassword("x".repeat(128), owner)).toBeNull();
    expect(checkNewPassword("x".repeat(129), owner)).toBe("too_long");
  });

  it("refuses common passwords from the shipped list, in any case", () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(1500);
    expect(checkNewPassword("1234567890", owner)).toBe("common");
    expect(checkNewPassword("QwertyUiop", owner)).toBe("common");
    expect(checkNewPassword("password123", owner)).toBe("common");
    expect(checkNewPassword("woaini1314", owner)).toBe("common");
    expect(checkNewPassword("correct horse battery staple", owner)).toBeNull();
  });

  it("refuses a password containing the username or the phone number", () => {
    expect(checkNewPassword("my-ZhangSan-2026", owner)).toBe("contains_username");
    expect(checkNewPassword("tel13800000001!", owner)).toBe("contains_username");
    // Very short usernames would refuse too much by chance.
    expect(checkNewPassword("delightful morning", { username: "li" })).toBeNull();
  });

  it("reads the list file format: comments and blank lines skipped", () => {
    const list = parseCommonPasswords("# comment\n\nAbcdefghij\n  klmnopqrst  \n");
    expect([...list]).toEqual(["abcdefghij", "klmnopqrst"]);
  });
});
