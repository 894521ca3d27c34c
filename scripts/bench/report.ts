// The bench's results: a table on the terminal, and the same figures as JSON under
// bench-results/ (commit, date, machine, every run of every cell).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CoreUse, EdgePage } from "./edge";
import type { FilingResult } from "./filing";
import type { Measure } from "./measure";

export type Mode = "cached" | "uncached";

/** One page in one mode on one database: its runs, each beside the baseline around it. */
export interface Cell {
  runs: Measure[];
  baselineBefore: Measure;
  baselineAfter: Measure;
  /** Each run's req/s divided by the mean of the baseline measured just before and after. */
  ratios: number[];
}

export interface PageResult {
  name: string;
  path: string;
  html?: number;
  js?: number;
  cells: Partial<Record<Mode, Cell>>;
}

export interface TargetResult {
  database: "postgres" | "pglite";
  data: string;
  pages: PageResult[];
}

export interface BenchReport {
  commit: string;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  /** acceptEncoding: absent in reports written before it was sent (none was). */
  load: { connections: number; seconds: number; runs: number; acceptEncoding?: string };
  baseline: { js: number; html: number; rps: number[] };
  /**
   * The floor: an empty page of the baseline app rendered on every request, measured like
   * a page at the start and after the pages. Absent in reports written before it was.
   */
  floor?: Cell[];
  targets: TargetResult[];
  /** The note filing bench (./filing.ts), on PostgreSQL; null when not run. */
  filing: FilingResult | null;
  /** PostgreSQL: through nginx's cache, and one vs two instances behind nginx (bench/edge.ts). */
  edge: EdgePage[];
  smoke: boolean;
  checkoutUnchanged: boolean | null;
}

export function cellOf(runs: Measure[], before: Measure, after: Measure): Cell {
  const base = (before.rps + after.rps) / 2;
  return {
    runs,
    baselineBefore: before,
    baselineAfter: after,
    ratios: runs.map((r) => r.rps / base),
  };
}

export function gitCommit(root: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: root })
      .toString()
      .trim();
  } catch {
    return "unknown";
  }
}

export function machine(): BenchReport["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ratio = (values: number[]) => {
  if (values.length === 0) return "-";
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const digits = mean < 0.1 ? 3 : 2;
  const lo = Math.min(...values).toFixed(digits);
  const hi = Math.max(...values).toFixed(digits);
  return `${mean.toFixed(digits)} (${lo}–${hi})`;
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const p95 = (cell?: Cell) =>
  cell ? `${Math.max(...cell.runs.map((r) => r.p95)).toFixed(0)} ms` : "-";

export function printReport(report: BenchReport, log: (line: string) => void = console.log) {
  const { load, baseline } = report;
  log("");
  log(
    `Lüzhi bench ${report.commit} · ${report.date} · ${report.machine.cpus} cores (${report.machine.cpuModel}) · ${load.connections} connections, ${load.seconds} s a run, ${load.runs} runs a cell, Accept-Encoding: ${load.acceptEncoding || "none"}${report.smoke ? " · SMOKE (figures mean nothing)" : ""}`,
  );
  log(
    `static Next.js page (outside the project): ${ratio(baseline.rps).replace(/^[\d.]+/, (m) => Number(m).toFixed(0))} req/s across its ${baseline.rps.length} measures, HTML ${kb(baseline.html)}, JS ${kb(baseline.js)} gzipped`,
  );
  log(
    "ratio = the page's req/s ÷ the static page's, measured just before and after it; mean (min–max) of the runs; p95 is the worst run's",
  );
  const floor = report.floor ?? [];
  const floorRatios = floor.flatMap((c) => c.ratios);
  if (floor.length > 0) {
    log(
      `the floor, an empty page of that app rendered on every request: ratio ${ratio(floorRatios)}, p95 ${floor.map((c) => p95(c)).join(" and ")} (at the start and after the pages); no page rendered per request can beat it here. "÷ floor" = the uncached ratio ÷ the floor's`,
    );
  }
  for (const target of report.targets) {
    log("");
    log(`${target.database}: ${target.data}`);
    log(
      `${"page".padEnd(15)}${"cached ratio".padStart(22)}${"p95".padStart(9)}${"uncached ratio".padStart(24)}${"p95".padStart(9)}${"÷ floor".padStart(9)}${"HTML".padStart(11)}${"JS gzip".padStart(11)}`,
    );
    for (const page of target.pages) {
      const { cached, uncached } = page.cells;
      log(
        [
          page.name.padEnd(15),
          ratio(cached?.ratios ?? []).padStart(22),
          p95(cached).padStart(9),
          ratio(uncached?.ratios ?? []).padStart(24),
          p95(uncached).padStart(9),
          (uncached && floorRatios.length > 0
            ? (mean(uncached.ratios) / mean(floorRatios)).toFixed(2)
            : "-"
          ).padStart(9),
          (page.html === undefined ? "-" : kb(page.html)).padStart(11),
          (page.js === undefined ? "-" : kb(page.js)).padStart(11),
        ].join(""),
      );
      const errors = [cached, uncached]
        .flatMap((c) => c?.runs ?? [])
        .reduce((n, r) => n + r.errors, 0);
      if (errors > 0) log(`  (${page.name}: ${errors} errors or non-2xx answers)`);
    }
  }
  if (report.edge.length > 0) {
    log("");
    log(
      "postgres, nginx in front (one worker): cached = through nginx's proxy_cache; one/two = uncached, nginx balancing one or two app instances",
    );
    log(
      `${"page".padEnd(15)}${"nginx cached".padStart(22)}${"p95".padStart(9)}${"one instance".padStart(22)}${"two instances".padStart(22)}${"two ÷ one".padStart(11)}`,
    );
    for (const page of report.edge) {
      log(
        [
          page.name.padEnd(15),
          ratio(page.nginxCached?.ratios ?? []).padStart(22),
          p95(page.nginxCached).padStart(9),
          ratio(page.oneInstance?.ratios ?? []).padStart(22),
          ratio(page.twoInstances?.ratios ?? []).padStart(22),
          (page.speedup === undefined ? "-" : `${page.speedup.toFixed(2)}×`).padStart(11),
        ].join(""),
      );
    }
  }
  const cores = (use?: CoreUse | null) =>
    use
      ? `app ${use.app.toFixed(2)}, load generator ${use.bench.toFixed(2)}, rest ${use.other.toFixed(2)}, idle ${use.idle.toFixed(2)}`
      : "-";
  const counted = report.edge.filter((p) => p.oneInstanceCores || p.twoInstancesCores);
  if (counted.length > 0) {
    log(
      `where the ${report.machine.cpus} cores went during those runs (cores; the rest is nginx, PostgreSQL and the system):`,
    );
    for (const page of counted) {
      log(`  ${page.name}, one instance: ${cores(page.oneInstanceCores)}`);
      log(`  ${page.name}, two instances: ${cores(page.twoInstancesCores)}`);
    }
  }
  if (report.checkoutUnchanged === false)
    log("\nWARNING: the checkout's tracked files changed during the run");
}

export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.date.replace(/[:]/g, "").replace(/\.\d+Z$/, "Z");
  const file = path.join(
    dir,
    `bench-${stamp}-${report.commit}${report.smoke ? "-smoke" : ""}.json`,
  );
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
