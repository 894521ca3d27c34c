import { describe, expect, it } from "vitest";
import { CookieJar } from "./http";

/** The soak's and the filing bench's simulated browser must forget cookies as a browser does. */
describe("CookieJar", () => {
  it("sends a cookie until its Max-Age runs out, then no longer", () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store(["session=abc; Path=/; HttpOnly", "awake=1; Path=/; Max-Age=59; HttpOnly"]);
    expect(jar.header()).toBe("session=abc; awake=1");
    now += 58_999;
    expect(jar.has("awake")).toBe(true);
    now += 1;
    expect(jar.has("awake")).toBe(false);
    expect(jar.header()).toBe("session=abc");
  });

  it("lets Max-Age win over Expires, and deletes on Max-Age=0, a past date or an empty value", () => {
    const now = Date.parse("2026-12-06T08:00:00Z");
    const jar = new CookieJar(() => now);
    jar.store([
      "a=1; Max-Age=60; Expires=Sun, 06 Dec 2026 07:00:00 GMT",
      "b=2; Expires=Sun, 06 Dec 2026 09:00:00 GMT",
      "c=3",
    ]);
    expect(jar.header()).toBe("a=1; b=2; c=3");
    jar.store(["a=1; Max-Age=0", "b=2; Expires=Sun, 06 Dec 2026 07:59:59 GMT", "c="]);
    expect(jar.header()).toBe("");
  });
});
