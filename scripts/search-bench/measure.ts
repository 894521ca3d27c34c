// Search benchmark, measure (docs/search.md); the entry point is scripts/search-bench.ts.

import { performance } from "node:perf_hooks";
import type { SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { BUDGET_MS, SAMPLES } from "./options";

// ---------------------------------------------------------------------------------------
// Measuring

export interface Stats {
  p50: number;
  p95: number;
  n: number;
  count: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

/** Runs `fn` once to warm up, then until SAMPLES runs or the time budget is spent. */
export async function measure(fn: (first: boolean) => Promise<number>): Promise<Stats> {
  const count = await fn(true);
  const times: number[] = [];
  const begun = performance.now();
  while (times.length < SAMPLES && (times.length < 3 || performance.now() - begun < BUDGET_MS)) {
    const t = performance.now();
    await fn(false);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length, count };
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Rows of a raw query, on either driver. */
export async function rows<T>(db: Database | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const QUERIES: { query: string; what: string }[] = [
  { query: "委员", what: "2 chars, in every article" },
  { query: "协商", what: "2 chars, in half" },
  { query: "集市", what: "2 chars, mostly inside 共富集市" },
  { query: "托育", what: "2 chars, 9%" },
  { query: "电梯", what: "2 chars, 7%" },
  { query: "义诊", what: "2 chars, 5%" },
  { query: "评弹", what: "2 chars, rare" },
  { query: "侨", what: "1 char" },
  { query: "区政协主席", what: "phrase, common" },
  { query: "生育友好型社会", what: "phrase, 10%" },
  { query: "托育服务扩容", what: "phrase, 9%" },
  { query: "蓝印花布", what: "phrase, rare" },
  { query: "托育 名额", what: "two terms" },
  { query: "量子计算", what: "no match" },
];

export const NOW = new Date(Date.UTC(2026, 10, 15));
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
