import { createHash } from "node:crypto";

/**
 * The audit log's hash chain, recomputed outside the database (migration audit_hash_chain
 * computes the same in SQL on every insert). Each entry's hash is the SHA-256 (hex) of
 *   json_build_array(prev_hash, seq, at_us, actor_id, actor_label, ip, action,
 *                    target_type, target_id, details)::text
 * as PostgreSQL prints it: elements joined by ", ", strings JSON-escaped, numbers as digits,
 * NULL as null, and the jsonb details in jsonb's canonical text.
 */

/** One entry as read for checking: every value as the database prints it (text). */
export interface ChainEntryText {
  id: string;
  seq: string;
  prevHash: string | null;
  hash: string;
  /** `at` as microseconds since the Unix epoch (no time zone in it). */
  atMicros: string;
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** details::text */
  details: string;
}

const str = (v: string | null) => (v === null ? "null" : JSON.stringify(v));
const digits = (v: string | null) => {
  if (v === null) return "null";
  if (!/^-?\d+$/.test(v)) throw new Error(`not an integer: ${v}`);
  return v;
};

export function canonicalEntryText(e: Omit<ChainEntryText, "id" | "hash">): string {
  return `[${[
    str(e.prevHash),
    digits(e.seq),
    digits(e.atMicros),
    digits(e.actorId),
    str(e.actorLabel),
    str(e.ip),
    str(e.action),
    str(e.targetType),
    str(e.targetId),
    e.details,
  ].join(", ")}]`;
}

export function entryHash(e: Omit<ChainEntryText, "id" | "hash">): string {
  return createHash("sha256").update(canonicalEntryText(e), "utf8").digest("hex");
}

/** Where the chain starts: nothing before it, or the last entry archived before it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export type ChainBreak =
  /** The entry's content (or its own hash) was changed after it was written. */
  | "content"
  /** The entry's prev_hash does not match the entry before it: that one was rewritten. */
  | "link"
  /** Entries are missing before this one (deleted). */
  | "gap";

export type ChainResult =
  | { ok: true; count: number; head: ChainAnchor | null; anchor: ChainAnchor | null }
  | {
      ok: false;
      /** Entries checked and found intact before the break. */
      count: number;
      broken: { id: number; seq: number; problem: ChainBreak; expectedSeq: number };
    };

/**
 * Checks entries in seq order, batch by batch, carrying the state between batches.
 * Returns the first break, or null while the chain holds.
 */
export class ChainChecker {
  private expectedSeq: number;
  private prevHash: string | null;
  count = 0;

  constructor(readonly anchor: ChainAnchor | null) {
    this.expectedSeq = anchor ? anchor.seq + 1 : 1;
    this.prevHash = anchor ? anchor.hash : null;
  }

  check(e: ChainEntryText): Extract<ChainResult, { ok: false }> | null {
    const seq = Number(e.seq);
    const fail = (problem: ChainBreak) => ({
      ok: false as const,
      count: this.count,
      broken: { id: Number(e.id), seq, problem, expectedSeq: this.expectedSeq },
    });
    if (seq !== this.expectedSeq) return fail("gap");
    if (e.prevHash !== this.prevHash) return fail("link");
    if (entryHash(e) !== e.hash) return fail("content");
    this.count++;
    this.expectedSeq = seq + 1;
    this.prevHash = e.hash;
    return null;
  }

  head(): ChainAnchor | null {
    return this.prevHash === null ? null : { seq: this.expectedSeq - 1, hash: this.prevHash };
  }
}

/** The result in words, for the audit page and `npm run audit:verify`. */
export function describeChainResult(result: ChainResult): string {
  if (result.ok) {
    if (result.count === 0 && !result.anchor) return "审计日志完整性：还没有日志。";
    return `审计日志完整性：已校验 ${result.count} 条，链完整。`;
  }
  const { id, seq, problem, expectedSeq } = result.broken;
  const which = `第 ${seq} 条（编号 ${id}）`;
  const why =
    problem === "content"
      ? `${which}的内容在写入后被改动过（哈希不符）`
      : problem === "link"
        ? `${which}记录的前一条哈希与第 ${seq - 1} 条不符：第 ${seq - 1} 条被改写过`
        : seq > expectedSeq
          ? `${which}之前的第 ${expectedSeq}${seq - 1 > expectedSeq ? `–${seq - 1}` : ""} 条被删除`
          : `${which}的序号重复或倒退（应为第 ${expectedSeq} 条）`;
  return `审计日志完整性：链已断开！${why}。此前 ${result.count} 条完整。`;
}
