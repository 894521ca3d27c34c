import { describe, expect, it } from "vitest";
import { stillRunning } from "./upcoming";

describe("stillRunning", () => {
  const at = (iso: string) => new Date(iso);
  const items = [
    { id: 1, endsAt: at("2026-05-01T02:00:00Z") },
    { id: 2, endsAt: at("2026-05-01T02:00:30Z") },
    { id: 3, endsAt: at("2026-05-01T05:00:00Z") },
  ];

  it("leaves out what ended since the list was computed, keeps the order", () => {
    expect(stillRunning(items, at("2026-05-01T02:00:10Z")).map((i) => i.id)).toEqual([2, 3]);
  });

  it("keeps an event that ends at this very instant", () => {
    expect(stillRunning(items, at("2026-05-01T02:00:00Z")).map((i) => i.id)).toEqual([1, 2, 3]);
  });
});
