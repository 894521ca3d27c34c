import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/time";
import {
  buildMonthGrid,
  defaultMonth,
  eventDays,
  eventsInRange,
  groupEventsByDay,
  isNavigableMonth,
  monthGridRange,
  monthRange,
  shiftMonth,
} from "./month";
import {
  calendarHref,
  calendarQueryString,
  dropUnknownSlugs,
  feedHref,
  filterLabels,
  parseCalendarQuery,
  parseEventId,
  webcalHref,
} from "./query";

const TZ = "Asia/Shanghai";

describe("reading the calendar's URL", () => {
  it("reads every filter and the view", () => {
    const { query, ignored } = parseCalendarQuery({
      view: "list",
      month: "2026-05",
      sector: "yiwei",
      town: "wangdian-zhen",
      kind: "clinic",
      service: "health",
      campaign: "activity-week-2026",
    });
    expect(ignored).toEqual([]);
    expect(query).toEqual({
      view: "list",
      month: "2026-05",
      filters: {
        sector: "yiwei",
        town: "wangdian-zhen",
        kind: "clinic",
        service: "health",
        campaign: "activity-week-2026",
      },
    });
  });

  it("defaults to the month view with no filters", () => {
    expect(parseCalendarQuery({})).toEqual({
      query: { view: "month", month: undefined, filters: {} },
      ignored: [],
      hadEmptyParams: false,
    });
    expect(parseCalendarQuery(undefined).query.view).toBe("month");
  });

  it("ignores malformed values and says which, without throwing", () => {
    const { query, ignored } = parseCalendarQuery({
      view: "week",
      month: "2026-13",
      sector: "<script>alert(1)</script>",
      town: "' OR 1=1 --",
      kind: "party",
      service: "health",
      campaign: "x".repeat(500),
    });
    expect(query).toEqual({ view: "month", month: undefined, filters: { service: "health" } });
    expect(ignored.map((i) => i.param)).toEqual([
      "view",
      "month",
      "sector",
      "town",
      "kind",
      "campaign",
    ]);
    // A long value is echoed shortened.
    expect(ignored.at(-1)?.value.length).toBeLessThanOrEqual(41);
  });

  it("rejects months out of range and malformed months", () => {
    for (const month of ["2026-5", "26-05", "2026-00", "0001-01", "9999-12", "2026-05-01"]) {
      expect(parseCalendarQuery({ month }).query.month, month).toBeUndefined();
    }
    expect(isNavigableMonth("2200-12")).toBe(true);
    expect(isNavigableMonth("2201-01")).toBe(false);
  });

  it("treats empty form fields as unset and flags the URL as not canonical", () => {
    const parsed = parseCalendarQuery(
      new URLSearchParams("view=month&month=2026-05&sector=&town=&kind=&service=health&campaign="),
    );
    expect(parsed.ignored).toEqual([]);
    expect(parsed.hadEmptyParams).toBe(true);
    expect(parsed.query.filters).toEqual({ service: "health" });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseCalendarQuery({ town: ["honghe-zhen", "wangdian-zhen"] }).query.filters).toEqual({
      town: "honghe-zhen",
    });
  });

  it("drops slugs that name nothing", () => {
    const known = {
      sectors: new Set(["yiwei"]),
      towns: new Set(["honghe-zhen"]),
      campaigns: new Set<string>(),
    };
    const result = dropUnknownSlugs(
      { sector: "yiwei", town: "atlantis", campaign: "nope", service: "law" },
      known,
    );
    expect(result.filters).toEqual({ sector: "yiwei", service: "law" });
    expect(result.ignored).toEqual([
      { param: "town", value: "atlantis" },
      { param: "campaign", value: "nope" },
    ]);
  });
});

describe("event ids", () => {
  it("accepts positive integers only", () => {
    expect(parseEventId("12")).toBe(12);
    for (const bad of ["0", "-1", "01", "1.5", "abc", "12abc", "99999999999", "2147483648", ""]) {
      expect(parseEventId(bad), bad).toBeNull();
    }
  });
});

describe("writing the calendar's URL", () => {
  it("is canonical: fixed order, defaults left out", () => {
    expect(
      calendarQueryString({
        view: "month",
        month: "2026-05",
        filters: { campaign: "activity-week-2026", service: "health", sector: "yiwei" },
      }),
    ).toBe("month=2026-05&sector=yiwei&service=health&campaign=activity-week-2026");
    expect(calendarHref({ view: "list", filters: {} })).toBe("/events?view=list");
    expect(calendarHref({ filters: {} })).toBe("/events");
  });

  it("round-trips through the parser", () => {
    const query = {
      view: "list" as const,
      month: "2026-11",
      filters: { town: "honghe-zhen", kind: "clinic" as const },
    };
    expect(parseCalendarQuery(new URLSearchParams(calendarQueryString(query))).query).toEqual(
      query,
    );
  });

  it("makes feed and webcal links of the filters only", () => {
    const filters = { sector: "keji", service: "science" as const };
    expect(feedHref(filters)).toBe("/events.ics?sector=keji&service=science");
    expect(feedHref({})).toBe("/events.ics");
    expect(webcalHref("https://zx.example.cn", filters)).toBe(
      "webcal://zx.example.cn/events.ics?sector=keji&service=science",
    );
    expect(webcalHref("http://127.0.0.1:3312/", {})).toBe("webcal://127.0.0.1:3312/events.ics");
  });
});

describe("naming filters", () => {
  it("uses the directory's names and the catalogue's labels", () => {
    const options = {
      sectors: [{ slug: "yiwei", name: "医卫界" }],
      towns: [{ slug: "honghe-zhen", name: "洪合镇" }],
      campaigns: [],
    };
    expect(
      Object.values(
        filterLabels({ sector: "yiwei", town: "honghe-zhen", service: "health" }, options),
      ),
    ).toEqual(["医卫界", "洪合镇", "送卫生"]);
    expect(filterLabels({}, options)).toEqual({});
  });
});

describe("month grid", () => {
  it("lays out May 2026 in Monday-first weeks with adjacent days greyed", () => {
    const weeks = buildMonthGrid("2026-05", "2026-05-12");
    // 1 May 2026 is a Friday; 31 May a Sunday.
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.map((d) => d.date)).toEqual([
      "2026-04-27",
      "2026-04-28",
      "2026-04-29",
      "2026-04-30",
      "2026-05-01",
      "2026-05-02",
      "2026-05-03",
    ]);
    expect(weeks[0]?.[0]?.inMonth).toBe(false);
    expect(weeks[0]?.[4]).toMatchObject({ day: 1, inMonth: true, weekday: 5 });
    expect(weeks.at(-1)?.at(-1)).toMatchObject({ date: "2026-05-31", weekday: 7 });
    const today = weeks.flat().filter((d) => d.isToday);
    expect(today.map((d) => d.date)).toEqual(["2026-05-12"]);
  });

  it("handles February of a leap year and a month starting on Monday", () => {
    const feb = buildMonthGrid("2028-02", "");
    expect(feb.flat().filter((d) => d.inMonth)).toHaveLength(29);
    const june = buildMonthGrid("2026-06", "");
    expect(june[0]?.[0]).toMatchObject({ date: "2026-06-01", inMonth: true });
  });

  it("moves between months across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-05", 0)).toBe("2026-05");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("turns local dates into instants in the committee's zone", () => {
    const range = monthRange("2026-05", TZ);
    expect(range.from.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    const grid = monthGridRange("2026-05", TZ);
    expect(grid.from.toISOString()).toBe("2026-04-26T16:00:00.000Z");
    expect(grid.to.toISOString()).toBe("2026-05-31T16:00:00.000Z");
  });
});

describe("events by day", () => {
  // 23:30 UTC on 7 May is 07:30 on 8 May in Shanghai.
  const early = {
    id: 1,
    startsAt: new Date("2026-05-07T23:30:00Z"),
    endsAt: new Date("2026-05-08T01:00:00Z"),
  };
  const plenary = {
    id: 2,
    startsAt: new Date("2026-05-20T01:00:00Z"),
    endsAt: new Date("2026-05-22T04:00:00Z"),
  };
  const first = {
    id: 3,
    startsAt: new Date("2026-05-07T23:00:00Z"),
    endsAt: new Date("2026-05-08T00:00:00Z"),
  };

  it("files events under their local date, in start order", () => {
    const byDay = groupEventsByDay([early, plenary, first], TZ);
    expect([...byDay.keys()]).toEqual(["2026-05-08", "2026-05-20"]);
    expect(byDay.get("2026-05-08")?.map((e) => e.id)).toEqual([3, 1]);
  });

  it("can show a multi-day event on each of its days", () => {
    expect(eventDays(plenary.startsAt, plenary.endsAt, TZ)).toEqual([
      "2026-05-20",
      "2026-05-21",
      "2026-05-22",
    ]);
    const byDay = groupEventsByDay([plenary], TZ, { spanDays: true });
    expect([...byDay.keys()]).toHaveLength(3);
    // Ending at local midnight does not spill into the next day.
    expect(
      eventDays(new Date("2026-05-20T12:00:00Z"), new Date("2026-05-20T16:00:00Z"), TZ),
    ).toEqual(["2026-05-20"]);
  });
});

describe("events in a range", () => {
  it("keeps events overlapping the month, including one running into it", () => {
    const may = monthRange("2026-05", TZ);
    const make = (id: number, start: string, end: string) => ({
      id,
      startsAt: new Date(start),
      endsAt: new Date(end),
    });
    const list = [
      make(1, "2026-04-30T10:00:00Z", "2026-04-30T12:00:00Z"), // 30 Apr 18:00 local
      make(2, "2026-04-30T15:00:00Z", "2026-04-30T17:00:00Z"), // runs past local midnight
      make(3, "2026-05-31T15:00:00Z", "2026-05-31T16:00:00Z"), // ends at local midnight
      make(4, "2026-05-31T16:00:00Z", "2026-05-31T17:00:00Z"), // 1 June local
    ];
    expect(eventsInRange(list, may).map((e) => e.id)).toEqual([2, 3]);
  });
});

describe("default month", () => {
  it("is today's month unless a campaign filter points elsewhere", () => {
    expect(defaultMonth("2026-11-26")).toBe("2026-11");
    const week = { startsOn: "2026-05-06", endsOn: "2026-05-31" };
    expect(defaultMonth("2026-11-26", week)).toBe("2026-05");
    expect(defaultMonth("2026-05-20", week)).toBe("2026-05");
    expect(defaultMonth("2026-05-20", { startsOn: "2026-05-18", endsOn: "2026-06-20" })).toBe(
      "2026-05",
    );
  });
});
