import "server-only";
import { sql } from "drizzle-orm";
import type { DepartmentRow, StaffFigures, StatsFilters, StatsOptions } from "@/lib/stats/types";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { departments, fieldNotes, noteTransfers } from "../../schema";
import {
  noteFilter,
  num,
  numOrNull,
  rows,
  selectPublicFigures,
  selectStatsOptions,
} from "./public";

/** The staff dashboard's figures: the public ones as of now, and each department's handling. */

/** Per department: transfers, answered, overdue (pending past the due date), median days to answer. */
export async function selectDepartmentRows(
  db: Database,
  filters: StatsFilters,
  timeZone: string,
  today: string,
): Promise<DepartmentRow[]> {
  const nf = noteFilter(filters, timeZone);
  const result = await rows<{
    name: string;
    transfers: unknown;
    answered: unknown;
    overdue: unknown;
    days: unknown;
  }>(
    db,
    sql`select d.name as name, count(tr.id) as transfers,
               count(tr.id) filter (where tr.status = 'answered') as answered,
               count(tr.id) filter (where tr.status = 'pending' and tr.due_on < ${today}::date) as overdue,
               percentile_cont(0.5) within group (order by extract(epoch from (tr.answered_at - tr.created_at)) / 86400.0)
                 filter (where tr.answered_at is not null) as days
        from ${departments} d
        join ${noteTransfers} tr on tr.department_id = d.id
        join ${fieldNotes} n on n.id = tr.note_id
        where ${nf}
        group by d.id, d.name, d.sort_order
        order by transfers desc, d.sort_order, d.id`,
  );
  return result.map((r) => {
    const days = numOrNull(r.days);
    return {
      name: r.name,
      transfers: num(r.transfers),
      answered: num(r.answered),
      overdue: num(r.overdue),
      medianDays: days === null ? null : Math.round(days * 10) / 10,
    };
  });
}

/** Staff see the figures as of now (not cached) and the departments' handling. */
export async function getStaffFigures(
  filters: StatsFilters,
  timeZone: string,
  today: string,
): Promise<StaffFigures> {
  const db = await getDb();
  const [figures, departmentRows] = await Promise.all([
    selectPublicFigures(db, filters, timeZone),
    selectDepartmentRows(db, filters, timeZone, today),
  ]);
  return { ...figures, departments: departmentRows };
}

export async function getStaffStatsOptions(timeZone: string): Promise<StatsOptions> {
  return selectStatsOptions(await getDb(), timeZone);
}
