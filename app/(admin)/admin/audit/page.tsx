import type { Metadata } from "next";
import { ListPage, Notice } from "@/components/admin/kit";
import { AuditFilterForm } from "@/components/audit/audit-filters";
import { AuditExportForm, AuditTable } from "@/components/audit/audit-table";
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  getAuditActions,
  getAuditPage,
  getOldestAuditEntry,
} from "@/db/queries/audit/staff";
import { getAuditChainStatus } from "@/db/queries/audit/verify";
import { getCommitteeInfo } from "@/db/queries/settings";
import { describeChainResult } from "@/lib/audit/chain";
import { readAuditQuery, toAuditFilters } from "@/lib/audit/filters";
import { env } from "@/lib/env";
import { type ListPageProps, listHref, pageParam, pagerFor } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { formatDate } from "@/lib/time";
import { requireStaff } from "@/server/action";

const m = cmsMessages.audit;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

export default async function AuditLogPage({ searchParams }: ListPageProps) {
  await requireStaff("audit.view", "/admin/audit");
  const [params, committee] = await Promise.all([searchParams, getCommitteeInfo()]);
  const tz = committee.timeZone;
  const query = readAuditQuery((name) => params[name]);
  const { filters, badDate } = toAuditFilters(query, tz);
  const page = pageParam(params.page);
  const [{ rows, total, more }, actions, oldest, chain] = await Promise.all([
    getAuditPage(filters, page),
    getAuditActions(),
    getOldestAuditEntry(),
    getAuditChainStatus(),
  ]);
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      notices={
        <>
          <p className="mb-4 text-sm text-muted">
            {m.retention(oldest ? formatDate(oldest, tz) : null, env.AUDIT_RETENTION_DAYS)}
          </p>
          <Notice tone={chain.ok ? "success" : "error"}>{describeChainResult(chain)}</Notice>
          {badDate && <Notice tone="error">{m.invalidDate}</Notice>}
        </>
      }
      filters={
        <>
          <AuditFilterForm query={query} actions={actions} total={total} more={more} />
          <AuditExportForm query={{ ...query }} limit={AUDIT_EXPORT_LIMIT} />
        </>
      }
      pager={pagerFor(page, total, AUDIT_PAGE_SIZE, listHref("/admin/audit", { ...query }))}
    >
      <AuditTable rows={rows} timeZone={tz} />
    </ListPage>
  );
}
