import { describe, expect, it } from "vitest";
import { readAuditQuery, toAuditFilters } from "./filters";

describe("audit filters", () => {
  it("turns local dates into the instants where the days begin, the last day included", () => {
    const query = readAuditQuery(
      (name) => ({ actor: " admin ", from: "2026-05-01", to: "2026-05-31" })[name] ?? "",
    );
    const { filters, badDate } = toAuditFilters(query, "Asia/Shanghai");
    expect(badDate).toBe(false);
    expect(filters.actor).toBe("admin");
    expect(filters.from?.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(filters.to?.toISOString()).toBe("2026-05-31T16:00:00.000Z");
  });

  it("reports a malformed date and leaves it out", () => {
    const { filters, badDate } = toAuditFilters(
      { actor: "", action: "", targetType: "", targetId: "", from: "2026-02-30", to: "" },
      "Asia/Shanghai",
    );
    expect(badDate).toBe(true);
    expect(filters.from).toBeNull();
  });
});
