import {
  buttonClass,
  type Column,
  columnsFor,
  DataTable,
  HiddenFields,
} from "@/components/admin/kit";
import type { AuditRow } from "@/db/queries/audit/staff";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.audit;

/** Details as one short line: the JSON, cut. */
function detailsText(details: Record<string, unknown>): string {
  const text = JSON.stringify(details);
  if (text === "{}") return "";
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
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
    { header: m.table.action, className: "font-mono text-sm", cell: (r) => r.action },
    {
      header: m.table.target,
      className: "whitespace-nowrap font-mono text-sm",
      cell: (r) => (r.targetType ? `${r.targetType}:${r.targetId ?? ""}` : ""),
    },
    { header: m.table.ip, className: "font-mono text-sm", cell: (r) => r.ip ?? "" },
    {
      header: m.table.details,
      className: "min-w-[16rem] max-w-xs break-all font-mono text-xs",
      cell: (r) => detailsText(r.details),
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
