import {
  buttonClass,
  type Column,
  columnsFor,
  DataTable,
  HiddenFields,
} from "@/components/admin/kit";
import type { AuditRow } from "@/db/queries/audit/staff";
import { describeAuditDetails } from "@/lib/audit/describe";
import { cmsMessages } from "@/lib/messages/cms";
import { auditActionLabel, auditTargetLabels } from "@/lib/messages/cms/audit-labels";

const m = cmsMessages.audit;

/** Details as Chinese label/value pairs (never JSON), long values cut. */
function Details({ details, timeZone }: { details: Record<string, unknown>; timeZone: string }) {
  const lines = describeAuditDetails(details, timeZone);
  if (lines.length === 0) return null;
  const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);
  return (
    <dl className="space-y-0.5">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the details' order is the entry's own
        <div key={i}>
          <dt className="inline text-muted">{line.label}：</dt>
          <dd className="inline">{cut(line.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function targetText(row: AuditRow): string {
  if (!row.targetType) return "";
  const what = auditTargetLabels[row.targetType] ?? m.table.target;
  return row.targetId ? `${what} #${row.targetId}` : what;
}

function ActorCell({ row }: { row: AuditRow }) {
  const label =
    row.actorLabel === "public"
      ? m.public
      : row.actorLabel === "system"
        ? m.system
        : (row.actorLabel ?? "");
  return (
    <>
      {label}
      {row.actorId !== null && <span className="text-muted"> #{row.actorId}</span>}
    </>
  );
}

/** The audit log's entries: when, who, what, on what, from where, the details. */
export function AuditTable({ rows, timeZone }: { rows: readonly AuditRow[]; timeZone: string }) {
  const col = columnsFor<AuditRow>(timeZone);
  const columns: Column<AuditRow>[] = [
    col.time(m.table.at, (r) => r.at),
    {
      header: m.table.actor,
      className: "whitespace-nowrap text-sm",
      cell: (r) => <ActorCell row={r} />,
    },
    {
      header: m.table.action,
      className: "min-w-[9rem] text-sm",
      cell: (r) => auditActionLabel(r.action),
    },
    { header: m.table.target, className: "whitespace-nowrap text-sm", cell: targetText },
    { header: m.table.ip, className: "font-mono text-sm", cell: (r) => r.ip ?? "" },
    {
      header: m.table.details,
      className: "min-w-[16rem] max-w-sm break-words text-sm",
      cell: (r) => <Details details={r.details} timeZone={timeZone} />,
    },
  ];
  return <DataTable caption={m.table.caption} rows={rows} empty={m.empty} columns={columns} />;
}

/** The CSV export of the filtered log (a POST: the route checks the origin, then the admin). */
export function AuditExportForm({
  query,
  limit,
}: {
  query: Record<string, string>;
  limit: number;
}) {
  return (
    <form
      method="post"
      action="/admin/audit/export"
      className="mb-5 flex flex-wrap items-center gap-3"
    >
      <HiddenFields values={query} />
      <button type="submit" className={buttonClass.secondary}>
        {m.export}
      </button>
      <p className="text-sm text-muted">{m.exportHint(limit)}</p>
    </form>
  );
}
