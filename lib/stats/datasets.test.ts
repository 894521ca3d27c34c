import { describe, expect, it } from "vitest";
import { buildStatsTables } from "./datasets";
import type { PublicFigures } from "./types";

const figures = (sectors: [string, number][], towns: [string, number][]): PublicFigures => ({
  eventsTotal: sectors.reduce((s, [, n]) => s + n, 0),
  eventsBySector: sectors.map(([name, value]) => ({ key: name, name, value })),
  eventsByKind: [],
  eventsByTown: towns.map(([name, value]) => ({ key: name, name, value })),
  notesByCategory: [],
  notesByStatus: [],
  handling: { submitted: 0, adopted: 0, handled: 0, rate: null, medianDays: null },
  years: [],
});

describe("the figures' tables", () => {
  it("lists only the sectors and towns with activity, and says how many have none yet", () => {
    const tables = buildStatsTables(
      figures(
        [
          ["科技界", 3],
          ["医卫界", 1],
          ["文艺界", 0],
          ["体育界", 0],
        ],
        [
          ["新城街道", 2],
          ["王江泾镇", 0],
        ],
      ),
    );
    const sectors = tables["events-by-sector"];
    expect(sectors?.rows).toEqual([
      ["科技界", 3],
      ["医卫界", 1],
    ]);
    expect(sectors?.chart?.data.map((d) => d.label)).toEqual(["科技界", "医卫界"]);
    expect(sectors?.note).toBe("另有 2 个界别本期还没有活动。");
    expect(tables["events-by-town"]?.rows).toEqual([["新城街道", 2]]);
    expect(tables["events-by-town"]?.note).toBe("另有 1 个镇街本期还没有活动。");
  });

  it("says the period is young when no sector has an event yet, instead of a row of zeros", () => {
    const tables = buildStatsTables(figures([["科技界", 0]], [["新城街道", 0]]));
    expect(tables["events-by-sector"]?.rows).toEqual([]);
    expect(tables["events-by-sector"]?.note).toBe("本期刚开始，各界别的活动还没有开展。");
  });
});
