// What the soak measured: every request's kind, latency and outcome; the retries; the
// faults with when they began and when the app answered again.

export const REQUEST_KINDS = [
  "home",
  "news",
  "article",
  "events",
  "event",
  "search",
  "feed",
  "register form",
  "register",
  "login page",
  "login",
  "note form",
  "note submit",
  "note page",
  "photo",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

interface KindFigures {
  latencies: number[];
  count: number;
  errors: number;
}

/** One kind of request's figures: how many, how many failed, and latency percentiles (ms). */
export interface KindSummary {
  count: number;
  errors: number;
  p50: number | null;
  p95: number | null;
}

export interface Fault {
  name: string;
  /** Epoch ms. */
  startedAt: number;
  /** When the fault had been dealt (server killed and started again, pg_ctl returned). */
  actedAt: number | null;
  /** The first request started after `actedAt` that succeeded (epoch ms). */
  firstSuccessAt: number | null;
  /** When the app answered its health check again (epoch ms). */
  recoveredAt: number | null;
  /** The first note acknowledged for an attempt sent after `actedAt` (epoch ms). */
  firstNoteAfter: number | null;
}

/** Failures and retries are counted against a fault until this long after it healed. */
export const FAULT_GRACE_MS = 10_000;

export class Stats {
  private readonly kinds = new Map<RequestKind, KindFigures>();
  private readonly failures: number[] = [];
  private readonly retries: number[] = [];
  readonly faults: Fault[] = [];
  /** A few examples of each unexpected answer, for the report. */
  readonly surprises = new Map<string, number>();

  constructor() {
    for (const kind of REQUEST_KINDS) this.kinds.set(kind, { latencies: [], count: 0, errors: 0 });
  }

  /** Failed requests by cause ("timeout", "connection refused", "HTTP 500" …). */
  readonly causes = new Map<string, number>();
  /** The first body of each kind of surprise, to look at after the run. */
  readonly samples = new Map<string, string>();

  /** `failure` is null for a success, else its cause. */
  record(kind: RequestKind, startedAt: number, failure: string | null) {
    const now = Date.now();
    const figures = this.kinds.get(kind) as KindFigures;
    figures.count += 1;
    figures.latencies.push(now - startedAt);
    if (failure === null) {
      for (const fault of this.faults) {
        if (fault.firstSuccessAt === null && fault.actedAt !== null && startedAt >= fault.actedAt) {
          fault.firstSuccessAt = now;
        }
      }
    } else {
      figures.errors += 1;
      this.failures.push(now);
      this.causes.set(failure, (this.causes.get(failure) ?? 0) + 1);
    }
  }

  /** Reader pages served from server.mjs's page cache, and all reader pages. */
  cacheHits = 0;
  cacheLookups = 0;

  pageCache(hit: boolean) {
    this.cacheLookups += 1;
    if (hit) this.cacheHits += 1;
  }

  retry() {
    this.retries.push(Date.now());
  }

  surprise(what: string, body?: string) {
    this.surprises.set(what, (this.surprises.get(what) ?? 0) + 1);
    if (body !== undefined && !this.samples.has(what)) this.samples.set(what, body);
  }

  /** A note acknowledged at `at`, for an attempt sent at `sentAt`. */
  noteAcknowledged(at: number, sentAt: number) {
    for (const fault of this.faults) {
      if (fault.firstNoteAfter !== null || fault.actedAt === null) continue;
      if (sentAt >= fault.actedAt) fault.firstNoteAfter = at;
    }
  }

  get totalRetries() {
    return this.retries.length;
  }

  get totalFailures() {
    return this.failures.length;
  }

  /** Failures and retries inside [fault start, recovery + grace]. */
  duringFault(fault: Fault) {
    const end = (fault.recoveredAt ?? Date.now()) + FAULT_GRACE_MS;
    const inside = (t: number) => t >= fault.startedAt && t <= end;
    return {
      failed: this.failures.filter(inside).length,
      retries: this.retries.filter(inside).length,
    };
  }

  summary(kind: RequestKind): KindSummary {
    const f = this.kinds.get(kind) as KindFigures;
    const sorted = [...f.latencies].sort((a, b) => a - b);
    const at = (p: number) =>
      sorted.length === 0
        ? null
        : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number);
    return { count: f.count, errors: f.errors, p50: at(0.5), p95: at(0.95) };
  }

  table(seconds: number): string[] {
    const pct = (sorted: number[], p: number) =>
      sorted.length === 0
        ? "-"
        : String(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
    const lines = [
      `${"request".padEnd(14)}${"count".padStart(8)}${"errors".padStart(8)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}`,
    ];
    let total = 0;
    let errors = 0;
    for (const kind of REQUEST_KINDS) {
      const f = this.kinds.get(kind) as KindFigures;
      if (f.count === 0) continue;
      total += f.count;
      errors += f.errors;
      const sorted = [...f.latencies].sort((a, b) => a - b);
      lines.push(
        `${kind.padEnd(14)}${String(f.count).padStart(8)}${String(f.errors).padStart(8)}${(f.count / seconds).toFixed(1).padStart(9)}${pct(sorted, 0.5).padStart(9)}${pct(sorted, 0.95).padStart(9)}`,
      );
    }
    lines.push(
      `${"all".padEnd(14)}${String(total).padStart(8)}${String(errors).padStart(8)}${(total / seconds).toFixed(1).padStart(9)}`,
    );
    return lines;
  }
}
