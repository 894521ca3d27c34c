import { zonedInstant } from "@/lib/time";
import { isCalendarDate } from "@/lib/validation";

export interface AuditFilters {
  /** A username, display label or numeric user id. */
  actor: string;
  /** An exact action ("registration.reveal_phone") or a prefix ending in "." ("article."). */
  action: string;
  targetType: string;
  targetId: string;
  /** Instants (the page turns local dates into them): from inclusive, to exclusive. */
  from: Date | null;
  to: Date | null;
}

export interface AuditQuery {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

const text = (v: unknown, max: number) => (typeof v === "string" ? v.trim().slice(0, max) : "");

/** The filter form's fields (from a query string or a posted form), as typed. */
export function readAuditQuery(get: (name: string) => unknown): AuditQuery {
  return {
    actor: text(get("actor"), 40),
    action: text(get("action"), 60),
    targetType: text(get("targetType"), 30),
    targetId: text(get("targetId"), 30),
    from: text(get("from"), 10),
    to: text(get("to"), 10),
  };
}

/**
 * The query as filters: local dates become the instants where those days begin (the "to"
 * day is included whole). A malformed date is reported and left out, never guessed.
 */
export function toAuditFilters(
  query: AuditQuery,
  timeZone: string,
): { filters: AuditFilters; badDate: boolean } {
  const day = (s: string) => (s && isCalendarDate(s) ? s : null);
  const from = day(query.from);
  const to = day(query.to);
  const nextDay = (s: string) => {
    const d = new Date(`${s}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  return {
    filters: {
      actor: query.actor,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      from: from ? zonedInstant(from, "00:00", timeZone) : null,
      to: to ? zonedInstant(nextDay(to), "00:00", timeZone) : null,
    },
    badDate: (query.from !== "" && !from) || (query.to !== "" && !to),
  };
}
