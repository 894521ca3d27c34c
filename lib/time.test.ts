import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateSpan,
  formatDateTime,
  formatTimeRange,
  localDateKey,
  localParts,
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

describe("local parts without asking Intl each time", () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string) => {
    const known = formats.get(timeZone);
    if (known) return known;
    const made = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
      hourCycle: "h23",
    });
    formats.set(timeZone, made);
    return made;
  };
  const viaIntl = (instant: Date, timeZone: string) => {
    const parts = format(timeZone).formatToParts(instant);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
    return {
      year: Number(get("year")),
      month: Number(get("month")),
      day: Number(get("day")),
      hour: Number(get("hour")),
      minute: Number(get("minute")),
      weekday,
    };
  };

  it("agrees with Intl every five days and 97 minutes over 32 years, in four zones", () => {
    const zones = ["Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
    for (const zone of zones) {
      for (
        let t = Date.UTC(1999, 0, 1);
        t < Date.UTC(2031, 0, 1);
        t += 5 * 86_400_000 + 97 * 60_000
      ) {
        const at = new Date(t);
        expect(localParts(at, zone), `${zone} ${at.toISOString()}`).toEqual(viaIntl(at, zone));
      }
    }
  });

  it("agrees with Intl minute by minute around a change", () => {
    // New York: 2026-03-08 07:00 UTC (02:00 → 03:00); Lord Howe: half an hour, 2026-10-03 15:30 UTC.
    for (const [zone, change] of [
      ["America/New_York", Date.UTC(2026, 2, 8, 7)],
      ["Australia/Lord_Howe", Date.UTC(2026, 9, 3, 15, 30)],
    ] as const) {
      for (let t = change - 90 * 60_000; t < change + 90 * 60_000; t += 60_000) {
        expect(localParts(new Date(t), zone)).toEqual(viaIntl(new Date(t), zone));
      }
    }
  });
});
