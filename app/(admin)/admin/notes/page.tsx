import Link from "next/link";
import { ListPage } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { QueueFilterForm } from "@/components/pipeline/queue-filters";
import { QueueTable } from "@/components/pipeline/queue-table";
import { listAnswerTemplates } from "@/db/queries/pipeline/answer-templates";
import { getQueueOptions, listQueue } from "@/db/queries/pipeline/queue";
import { adminMessages } from "@/lib/messages/admin";
import { bulkNoteActions, parseQueueFilters, queueHref } from "@/lib/moderation";
import { can } from "@/lib/permissions";
import { toQueueTableRows } from "@/lib/pipeline/queue-rows";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { bulkReviewNotes } from "./actions";

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
  const rows = toQueueTableRows(queue.rows, user.role, timeZone);
  const raw = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.slice(0, 20) ?? "";
  };
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      actions={
        can(user, "template.manage") ? (
          <Link href="/admin/notes/templates" className={ui.secondary}>
            {m.templatesManage}
          </Link>
        ) : undefined
      }
      filters={
        <QueueFilterForm
          filters={filters}
          options={options}
          raw={{ from: raw("from"), to: raw("to") }}
        />
      }
      pager={{ page: queue.page, pages: queue.pages, hrefFor: (page) => queueHref(filters, page) }}
    >
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
        bulkAction={bulkReviewNotes}
        rows={rows}
        actions={bulkNoteActions}
        templates={templates.map((t) => ({ id: t.id, title: t.title }))}
        permalink={queueHref(filters, queue.page)}
        emptyText={m.empty}
      />
    </ListPage>
  );
}
