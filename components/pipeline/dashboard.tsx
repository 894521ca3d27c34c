import Link from "next/link";
import { AdminStatusBadge } from "@/components/admin/status-badge";
import { ui } from "@/components/admin/ui";
import type { DashboardFigures } from "@/db/queries/pipeline/dashboard";
import { adminMessages } from "@/lib/messages/admin";
import { daysBetween, queueHref, queueStatuses } from "@/lib/moderation";

const m = adminMessages.dashboard;

/** The console's dashboard: notes by status, overdue transfers, and (for admins) shortcuts. */
export function PipelineDashboard({
  figures,
  today,
  shortcuts,
}: {
  figures: DashboardFigures;
  today: string;
  shortcuts: boolean;
}) {
  return (
    <>
      <section aria-labelledby="queue-heading" className="mb-6">
        <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
          {m.queue}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
          {queueStatuses.map((status) => (
            <li key={status}>
              <Link
                href={queueHref({ status })}
                className={`${ui.card} block hover:border-brand-600`}
              >
                <AdminStatusBadge status={status} />
                <span className="mt-2 block font-serif text-3xl font-bold text-ink">
                  {figures.byStatus[status]}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="overdue-heading" className={ui.card}>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="overdue-heading" className={ui.cardTitle}>
            {m.overdue}
          </h2>
          <p className="text-sm text-muted">
            {m.pendingTransfers} {figures.pendingTransfers} ·{" "}
            <span className={figures.overdueTotal > 0 ? "font-semibold text-brand-700" : ""}>
              {m.overdueCount(figures.overdueTotal)}
            </span>
          </p>
        </div>
        {figures.overdue.length === 0 ? (
          <p className="text-muted">{m.overdueNone}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {figures.overdue.map((item) => (
              <li
                key={item.transferId}
                className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-2"
              >
                <Link href={`/admin/notes/${item.noteId}`} className={`${ui.link} min-w-0 flex-1`}>
                  {item.noteTitle || adminMessages.queue.untitled}
                </Link>
                <span className="text-[15px]">{item.departmentName}</span>
                <span className="text-sm text-muted">
                  {m.dueOn} {item.dueOn}
                </span>
                <span className="rounded bg-brand-50 px-1.5 py-0.5 text-sm font-medium text-brand-800">
                  {m.daysOverdue(daysBetween(item.dueOn, today))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {shortcuts && (
        <section aria-labelledby="shortcuts-heading" className="mt-6">
          <h2 id="shortcuts-heading" className="mb-3 text-lg font-semibold">
            {m.shortcuts}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {(
              [
                ["/admin/notes?status=submitted", adminMessages.statuses.submitted],
                ["/admin/departments", adminMessages.shell.items.departments],
                ["/admin/research", adminMessages.shell.items.research],
                ["/admin/proposals", adminMessages.shell.items.proposals],
                ["/admin/duty", adminMessages.shell.items.duty],
                ["/admin/notes/templates", adminMessages.templates.title],
              ] as const
            ).map(([href, label]) => (
              <li key={href}>
                <Link href={href} className={ui.secondary}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
