import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateSpan,
  formatDateTime,
  formatTimeRange,
  localDateKey,
  zonedInstant,
  zoneOffsetMinutes,
} from "./time";

describe("committee time zone", () => {
  // 2026-05-12 01:30 UTC is 09:30 the same day in Shanghai; 17:00 UTC is already the next day there.
  const morning = new Date("2026-05-12T01:30:00Z");
  const lateUtc = new Date("2026-05-12T17:00:00Z");

  it("shows instants on the Shanghai wall clock whatever the server's zone", () => {
    expect(formatDateTime(morning)).toBe("2026年5月12日 周二 09:30");
    expect(localDateKey(lateUtc)).toBe("2026-05-13");
    expect(formatDate(lateUtc)).toBe("2026年5月13日");
  });

  it("honours another committee's zone", () => {
    expect(localDateKey(lateUtc, "Asia/Urumqi")).toBe("2026-05-12");
  });

  it("builds the instant of a local date and time", () => {
    expect(zonedInstant("2026-05-12", "09:30").toISOString()).toBe("2026-05-12T01:30:00.000Z");
    expect(zoneOffsetMinutes(morning)).toBe(480);
    // Across a daylight-saving change elsewhere: 2026-03-08 is when New York moves to UTC-4.
    expect(zonedInstant("2026-03-08", "12:00", "America/New_York").toISOString()).toBe(
      "2026-03-08T16:00:00.000Z",
    );
  });

  it("formats ranges and spans compactly", () => {
    const end = new Date("2026-05-12T03:30:00Z");
    expect(formatTimeRange(morning, end)).toBe("09:30–11:30");
    expect(formatDateSpan("2026-05-06", "2026-05-31")).toBe("2026年5月6日至31日");
    expect(formatDateSpan("2026-05-28", "2026-06-03")).toBe("2026年5月28日至6月3日");
    expect(formatDateSpan("2026-12-28", "2027-01-03")).toBe("2026年12月28日至2027年1月3日");
  });
});
