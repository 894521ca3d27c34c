import { describe, expect, it } from "vitest";
import { createPhantomLockouts } from "./phantom-lockouts";

describe("phantom lockouts (names that are not accounts)", () => {
  it("say locked after five failures, for fifteen minutes, like a real account", () => {
    const phantoms = createPhantomLockouts();
    const t0 = new Date("2026-05-20T02:00:00Z");
    for (let i = 0; i < 4; i++) expect(phantoms.fail("nobody", t0).until).toBeNull();
    const fifth = phantoms.fail("nobody", t0);
    expect(fifth.until).toEqual(new Date(t0.getTime() + 15 * 60_000));
    expect(phantoms.fail("nobody", new Date(t0.getTime() + 14 * 60_000))).toEqual({
      until: fifth.until,
      lockedBefore: true,
    });
    expect(phantoms.fail("nobody", new Date(t0.getTime() + 15 * 60_000)).until).toBeNull();
    expect(phantoms.fail("someone-else", t0).until).toBeNull();
  });

  it("forgets the oldest names beyond its bound", () => {
    const phantoms = createPhantomLockouts(2);
    const t0 = new Date();
    for (let i = 0; i < 4; i++) phantoms.fail("a", t0);
    phantoms.fail("b", t0);
    phantoms.fail("c", t0);
    // "a" was forgotten: its count starts again.
    expect(phantoms.fail("a", t0).until).toBeNull();
  });
});
