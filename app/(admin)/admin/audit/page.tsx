import type { Metadata } from "next";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Notice,
  Pager,
  pageParam,
  queryString,
  TableFrame,
  tableClass,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  getAuditActions,
  getAuditPage,
  getOldestAuditEntry,
} from "@/db/queries/audit";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { formatDate } from "@/lib/time";
import { readAuditQuery, toAuditFilters } from "./filters";

const m = cmsMessages.audit;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Details as one short line: the JSON, cut. */
function detailsText(details: Record<string, unknown>): string {
  const text = JSON.stringify(details);
  if (text === "{}") return "";
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export default async function AuditLogPage({ searchParams }: Props) {
  await requireStaff("audit.view", { roles: ["admin"], next: "/admin/audit" });
  const [params, committee] = await Promise.all([searchParams, getCommitteeInfo()]);
  const tz = committee.timeZone;
  const query = readAuditQuery((name) => params[name]);
  const { filters, badDate } = toAuditFilters(query, tz);
  const page = pageParam(params.page);
  const [{ rows, total, more }, actions, oldest] = await Promise.all([
    getAuditPage(filters, page),
    getAuditActions(),
    getOldestAuditEntry(),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const input = "mt-1 block w-full rounded-md border border-stone-500 bg-white px-2 py-1.5";
  const field = (name: keyof typeof query, label: string, hint?: string, type = "text") => (
    <div>
      <label htmlFor={`audit-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={`audit-${name}`}
        name={name}
        type={type}
        defaultValue={query[name]}
        list={name === "action" ? "audit-actions" : undefined}
        aria-describedby={hint ? `audit-${name}-hint` : undefined}
        className={input}
      />
      {hint && (
        <p id={`audit-${name}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <div>
      <AdminPageHeader title={m.title} intro={m.intro} />
      <p className="mb-4 text-sm text-muted">
        {m.retention(oldest ? formatDate(oldest, tz) : null)}
      </p>
      {badDate && <Notice tone="error">{m.invalidDate}</Notice>}

      <form
        method="get"
        action="/admin/audit"
        aria-label={m.filters}
        className="mb-4 rounded-md border border-stone-300 bg-white p-4"
      >
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {field("actor", m.actor, m.actorHint)}
          {field("action", m.action, m.actionHint)}
          {field("targetType", m.targetType)}
          {field("targetId", m.targetId)}
          {field("from", m.from, undefined, "date")}
          {field("to", m.to, undefined, "date")}
        </div>
        <datalist id="audit-actions">
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass.quiet}>
            {cmsMessages.common.filter}
          </button>
          <a href="/admin/audit" className="text-sm text-brand-700 hover:underline">
            {cmsMessages.common.reset}
          </a>
          <p className="ml-auto text-sm text-muted">
            {more ? cmsMessages.common.countMore(total) : cmsMessages.common.count(total)}
          </p>
        </div>
      </form>

      <form
        method="post"
        action="/admin/audit/export"
        className="mb-5 flex flex-wrap items-center gap-3"
      >
        {Object.entries(query).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <button type="submit" className={buttonClass.secondary}>
          {m.export}
        </button>
        <p className="text-sm text-muted">{m.exportHint(AUDIT_EXPORT_LIMIT)}</p>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
          {m.empty}
        </p>
      ) : (
        <TableFrame label={m.table.caption}>
          <table className={tableClass.table}>
            <caption className={tableClass.caption}>{m.table.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={tableClass.th}>
                  {m.table.at}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.actor}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.action}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.target}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.ip}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.table.details}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {compactDateTime(row.at, tz)}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {row.actorLabel === "public"
                      ? m.public
                      : row.actorLabel === "system"
                        ? m.system
                        : (row.actorLabel ?? "")}
                    {row.actorId !== null && <span className="text-muted"> #{row.actorId}</span>}
                  </td>
                  <td className={`${tableClass.td} font-mono text-sm`}>{row.action}</td>
                  <td className={`${tableClass.td} whitespace-nowrap font-mono text-sm`}>
                    {row.targetType ? `${row.targetType}:${row.targetId ?? ""}` : ""}
                  </td>
                  <td className={`${tableClass.td} font-mono text-sm`}>{row.ip ?? ""}</td>
                  <td
                    className={`${tableClass.td} min-w-[16rem] max-w-xs break-all font-mono text-xs`}
                  >
                    {detailsText(row.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pager
        page={page}
        pages={pages}
        href={(p) => `/admin/audit${queryString({ ...query, page: p })}`}
      />
    </div>
  );
}
