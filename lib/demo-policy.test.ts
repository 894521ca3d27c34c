import { describe, expect, it } from "vitest";
import { mayCreateDemoAccounts } from "./demo-policy";

describe("demo accounts", () => {
  it("are never created in production on a real server", () => {
    expect(mayCreateDemoAccounts({ NODE_ENV: "production", DATABASE_URL: "postgres://x/y" })).toBe(
      false,
    );
  });
  it("are created for the embedded database and in development", () => {
    expect(mayCreateDemoAccounts({ NODE_ENV: "production", DATABASE_URL: undefined })).toBe(true);
    expect(mayCreateDemoAccounts({ NODE_ENV: "development", DATABASE_URL: "postgres://x/y" })).toBe(
      true,
    );
  });
});
