import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("retention settings", () => {
  it("defaults to 180 days for both", () => {
    const env = parseEnv({});
    expect(env.RETENTION_DAYS).toBe(180);
    expect(env.AUDIT_RETENTION_DAYS).toBe(180);
    expect(env.AUDIT_ARCHIVE_DIR).toBeUndefined();
  });

  it("takes whole days and refuses an audit period under 180 days", () => {
    expect(parseEnv({ RETENTION_DAYS: "30", AUDIT_RETENTION_DAYS: "365" })).toMatchObject({
      RETENTION_DAYS: 30,
      AUDIT_RETENTION_DAYS: 365,
    });
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "90" })).toThrow(
      /AUDIT_RETENTION_DAYS 至少为 180 天/,
    );
    expect(() => parseEnv({ RETENTION_DAYS: "abc" })).toThrow(/RETENTION_DAYS/);
    expect(() => parseEnv({ RETENTION_DAYS: "1.5" })).toThrow(/RETENTION_DAYS 必须是天数/);
    expect(() => parseEnv({ RETENTION_DAYS: "0" })).toThrow(/RETENTION_DAYS 至少为 1 天/);
  });
});
