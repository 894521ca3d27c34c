import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tstz } from "./common";

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE.
 * No foreign key on the actor, so an entry outlives anything it names.
 *
 * Tamper-evident: a BEFORE INSERT trigger (migration audit_hash_chain) numbers every
 * entry (`seq`, no gaps) and sets `hash` = SHA-256 of the entry's content and the previous
 * entry's hash (`prev_hash`), whatever the inserting code passed. db/queries/audit/verify.ts
 * recomputes the chain in JS. The columns are optional here only so that writers need not
 * pass them; the migration makes `seq` and `hash` NOT NULL.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: tstz("at").notNull().defaultNow(),
    actorId: integer("actor_id"),
    actorLabel: text("actor_label"),
    ip: text("ip"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_action_idx").on(t.action),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
    uniqueIndex("audit_log_seq_idx").on(t.seq),
  ],
);

/**
 * Where the chain continues after entries were archived and removed by the retention
 * job: the last removed entry's seq and hash (the next entry's prev_hash). Append-only.
 */
export const auditLogAnchors = pgTable(
  "audit_log_anchors",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    entries: integer("entries").notNull(),
    /** The archive file's name (in AUDIT_ARCHIVE_DIR). */
    file: text("file").notNull(),
    archivedAt: tstz("archived_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("audit_log_anchors_seq_idx").on(t.seq)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
