import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  buildCalendar,
  eventSequence,
  eventUid,
  fixedOffsetVtimezone,
  type IcalEvent,
  icalHeaders,
  vtimezone,
} from "./ical";

const SITE = "https://zx.example.cn";

const consultation: IcalEvent = {
  id: 12,
  title: "“丝路通”平台建设与产业出海专题协商",
  summary: "邀请外贸企业负责人列席，查找平台发展堵点; 欢迎报名, 名额有限",
  kind: "consultation",
  serviceType: null,
  status: "scheduled",
  // 14:30–17:00 in Shanghai
  startsAt: new Date("2026-05-12T06:30:00Z"),
  endsAt: new Date("2026-05-12T09:00:00Z"),
  townName: "王江泾镇",
  venue: "王江泾镇委员之家",
  organisers: ["经济界", "王江泾镇联络室"],
  createdAt: new Date("2026-04-01T02:00:00Z"),
  updatedAt: new Date("2026-05-02T03:04:05Z"),
};

const cancelledVisit: IcalEvent = {
  ...consultation,
  id: 13,
  title: "老旧小区加装电梯情况走访",
  kind: "visit",
  status: "cancelled",
  // 23:30 UTC is 07:30 the next morning in Shanghai.
  startsAt: new Date("2026-12-04T23:30:00Z"),
  endsAt: new Date("2026-12-05T01:30:00Z"),
  townName: null,
  venue: "塘汇街道老旧小区",
};

const clinic: IcalEvent = {
  ...consultation,
  id: 14,
  title: "义诊",
  kind: "clinic",
  serviceType: "health",
};

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const zone of component.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  return component;
}

function build(events: IcalEvent[]) {
  return buildCalendar(events, {
    siteUrl: SITE,
    timeZone: "Asia/Shanghai",
    calendarName: "秀洲区政协活动日历 · 医卫界",
    refreshSeconds: 3600,
  });
}

describe("iCalendar", () => {
  it("writes local times with TZID and the zone's VTIMEZONE, read back as the right instant", () => {
    const text = build([consultation]);
    expect(text).toContain("DTSTART;TZID=Asia/Shanghai:20260512T143000");
    expect(text).toContain("DTEND;TZID=Asia/Shanghai:20260512T170000");
    const calendar = parse(text);
    expect(
      calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    ).toEqual(["Asia/Shanghai"]);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.zone?.tzid).toBe("Asia/Shanghai");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-05-12T06:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-05-12T09:00:00.000Z");
  });

  it("crosses midnight correctly and marks a cancelled event", () => {
    const calendar = parse(build([cancelledVisit]));
    const vevent = calendar.getFirstSubcomponent("vevent");
    const event = new ICAL.Event(vevent ?? undefined);
    expect(event.startDate.toString()).toBe("2026-12-05T07:30:00");
    expect(vevent?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.summary).toBe("【已取消】老旧小区加装电梯情况走访");
    expect(event.location).toBe("塘汇街道老旧小区");
  });

  it("names the calendar, its zone and the event's page, UID, sequence and place", () => {
    const text = build([consultation, clinic]);
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("秀洲区政协活动日历 · 医卫界");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Shanghai");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    const [first, second] = calendar.getAllSubcomponents("vevent");
    expect(first?.getFirstPropertyValue("uid")).toBe("event-12@zx.example.cn");
    expect(second?.getFirstPropertyValue("uid")).toBe("event-14@zx.example.cn");
    expect(first?.getFirstPropertyValue("url")).toBe("https://zx.example.cn/events/12");
    expect(first?.getFirstPropertyValue("location")).toBe("王江泾镇 · 王江泾镇委员之家");
    expect(first?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(first?.getFirstPropertyValue("sequence")).toBe(eventSequence(consultation.updatedAt));
    // Punctuation in text survives escaping.
    expect(String(first?.getFirstPropertyValue("description"))).toContain(
      "查找平台发展堵点; 欢迎报名, 名额有限",
    );
    expect(String(second?.getFirstPropertyValue("categories"))).toBe("义诊 · 送卫生");
    // Timestamps stay in UTC.
    expect(text).toMatch(/DTSTAMP:20260502T030405Z/);
    expect(text).toMatch(/LAST-MODIFIED:20260502T030405Z/);
  });

  it("is byte-identical for the same data (stable for subscribers)", () => {
    expect(build([consultation])).toBe(build([consultation]));
  });

  it("keeps UIDs stable and sequences growing", () => {
    expect(eventUid(7, "http://127.0.0.1:3312")).toBe("event-7@127.0.0.1");
    const later = new Date(consultation.updatedAt.getTime() + 60_000);
    expect(eventSequence(later)).toBeGreaterThan(eventSequence(consultation.updatedAt));
    expect(eventSequence(new Date("2060-01-01T00:00:00Z"))).toBeLessThan(2 ** 31);
  });

  it("describes the zone from the library, or from Intl for a zone without daylight saving", () => {
    expect(vtimezone("Asia/Shanghai")).toContain("TZOFFSETTO:+0800");
    const fixed = fixedOffsetVtimezone("Asia/Shanghai");
    expect(fixed).toContain("TZID:Asia/Shanghai");
    expect(fixed).toContain("TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800");
    expect(fixedOffsetVtimezone("Asia/Kolkata")).toContain("TZOFFSETTO:+0530");
    // A zone with daylight saving needs the library's rules: no made-up VTIMEZONE.
    expect(fixedOffsetVtimezone("Europe/Berlin")).toBeNull();
    expect(fixedOffsetVtimezone("Not/AZone")).toBeNull();
    // Built from Intl, it reads back as the right instant.
    const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//ZH\r\n${fixed}\r\nBEGIN:VEVENT\r\nUID:x@t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Asia/Shanghai:20260512T143000\r\nEND:VEVENT\r\nEND:VCALENDAR`;
    const event = new ICAL.Event(parse(text).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-05-12T06:30:00.000Z");
  });

  it("has a valid empty feed", () => {
    const calendar = parse(build([]));
    expect(calendar.getAllSubcomponents("vevent")).toEqual([]);
  });

  it("serves feeds inline and single events as attachments", () => {
    expect(icalHeaders("events.ics", "inline")).toMatchObject({
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="events.ics"',
    });
    expect(icalHeaders("event-12.ics", "attachment")).toMatchObject({
      "Content-Disposition": 'attachment; filename="event-12.ics"',
    });
  });
});
