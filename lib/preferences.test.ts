import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./preferences";

describe("returning after a preference change", () => {
  const here = "http://portal.example/preferences/elder";
  it("goes back to the page the reader was on", () => {
    expect(safeReturnPath("http://portal.example/news?page=2", here)).toBe("/news?page=2");
  });
  it("never leaves the site", () => {
    expect(safeReturnPath("https://evil.example/phish", here)).toBe("/");
    expect(safeReturnPath("not a url", here)).toBe("/");
    expect(safeReturnPath(null, here)).toBe("/");
  });
});
