import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { AdminPagination } from "@/components/admin/pagination";
import { QueueFilterForm } from "@/components/admin/queue-filters";
import { QueueTable, type QueueTableRow } from "@/components/admin/queue-table";
import { ui } from "@/components/admin/ui";
import { listAnswerTemplates } from "@/db/queries/answer-templates";
import { getQueueOptions, listQueue } from "@/db/queries/moderation-queue";
import { adminMessages } from "@/lib/messages/admin";
import { bulkNoteActions, parseQueueFilters, queueHref } from "@/lib/moderation";
import { availableActions } from "@/lib/notes/workflow";
import { can } from "@/lib/permissions";
import { formatDate } from "@/lib/time";
import { committeeToday, requireStaff, staffPageTitle } from "../../staff";

export const generateMetadata = staffPageTitle(adminMessages.queue.title);

const m = adminMessages.queue;

/** 走访记录审核: the queue, filtered by a GET form, with bulk actions on ticked rows. */
export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { filters, badDate } = parseQueueFilters(params);
  const user = await requireStaff("note.review", queueHref(filters, filters.page));
  const { timeZone, today } = await committeeToday();
  const [queue, options, templates] = await Promise.all([
    listQueue(user, filters, { timeZone, today }),
    getQueueOptions(),
    listAnswerTemplates(),
  ]);
  const actor = user.role === "admin" ? "admin" : "editor";
  const rows: QueueTableRow[] = queue.rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: row.title,
    status: row.status,
    authorName: row.authorName,
    category: row.category ? adminMessages.categories[row.category] : "—",
    town: row.townName ?? "—",
    submitted: row.submittedAt ? formatDate(row.submittedAt, timeZone) : "—",
    overdue: row.overdue,
    selectable: availableActions(row.status, actor).some((a) =>
      (bulkNoteActions as readonly string[]).includes(a),
    ),
  }));
  const raw = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.slice(0, 20) ?? "";
  };
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        actions={
          can(user, "template.manage") ? (
            <Link href="/admin/notes/templates" className={ui.secondary}>
              {m.templatesManage}
            </Link>
          ) : undefined
        }
      />
      <QueueFilterForm
        filters={filters}
        options={options}
        raw={{ from: raw("from"), to: raw("to") }}
      />
      {badDate && (
        <p role="status" className="mb-3 text-sm font-medium text-brand-700">
          {m.badDate}
        </p>
      )}
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {m.count(queue.total)}
      </p>
      {/* Mounted even when empty: a bulk action's outcome stays on screen after its rows left. */}
      <QueueTable
        rows={rows}
        actions={bulkNoteActions}
        templates={templates.map((t) => ({ id: t.id, title: t.title }))}
        permalink={queueHref(filters, queue.page)}
        emptyText={m.empty}
      />
      <AdminPagination
        page={queue.page}
        pages={queue.pages}
        hrefFor={(page) => queueHref(filters, page)}
      />
    </>
  );
}
