import Link from "next/link";
import { Badge, type Column, DataTable, EmptyState, rowLinkClass } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import type { DepartmentDetail, DepartmentRow } from "@/db/queries/pipeline/departments";
import type { DutySummary } from "@/db/queries/pipeline/duty";
import type { ProposalRow } from "@/db/queries/pipeline/proposals";
import type { ResearchTopicRow } from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import { isTransferOverdue } from "@/lib/moderation";
import { formatDate } from "@/lib/time";

/** The pipeline's console lists (departments, proposals, research topics), on the kit. */

export function DepartmentTable({ rows }: { rows: readonly DepartmentRow[] }) {
  const m = adminMessages.departments;
  return (
    <DataTable
      caption={m.title}
      rows={rows}
      rowKey={(d) => d.id}
      empty={m.empty}
      columns={[
        {
          header: m.name,
          cell: (d) => (
            <>
              <Link href={`/admin/departments/${d.id}`} className={rowLinkClass}>
                {d.name}
              </Link>
              {!d.active && (
                <span className="ml-2">
                  <Badge>{m.inactive}</Badge>
                </span>
              )}
            </>
          ),
        },
        { header: m.contact, hideBelow: "md", className: "text-muted", cell: (d) => d.contact },
        { header: m.pending, numeric: true, cell: (d) => d.pending },
        {
          header: m.overdue,
          numeric: true,
          cell: (d) =>
            d.overdue > 0 ? (
              <span className="font-semibold text-brand-700">{d.overdue}</span>
            ) : (
              d.overdue
            ),
        },
        { header: m.answered, numeric: true, cell: (d) => d.answered },
      ]}
    />
  );
}

export function ProposalTable({ rows }: { rows: readonly ProposalRow[] }) {
  const m = adminMessages.proposals;
  return (
    <DataTable
      caption={m.title}
      rows={rows}
      rowKey={(p) => p.id}
      empty={m.empty}
      columns={[
        {
          header: m.name,
          cell: (p) => (
            <>
              <Link href={`/admin/proposals/${p.id}`} className={rowLinkClass}>
                {p.title}
              </Link>
              {p.number && <span className="ml-2 text-sm text-muted">{p.number}</span>}
            </>
          ),
        },
        {
          header: m.kind,
          className: "whitespace-nowrap",
          cell: (p) => adminMessages.proposalKinds[p.kind],
        },
        { header: m.researchTopic, hideBelow: "md", cell: (p) => p.researchTopicTitle ?? "—" },
        { header: m.notes, numeric: true, cell: (p) => p.noteCount },
        { header: m.members, numeric: true, hideBelow: "sm", cell: (p) => p.memberCount },
      ]}
    />
  );
}

/** A year's research topics as cards: review status, summary, notes, members, report. */
export function ResearchTopicList({ topics }: { topics: readonly ResearchTopicRow[] }) {
  const m = adminMessages.research;
  if (topics.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <ol className="space-y-3">
      {topics.map((t) => (
        <li key={t.id} className={ui.card}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">
              <Link href={`/admin/research/${t.id}`} className={ui.link}>
                {t.title}
              </Link>
            </h2>
            <span className="rounded bg-gold-100 px-2 py-0.5 text-sm text-gold-700">
              {m.reviewStatus}：{adminMessages.reviewStatuses[t.reviewStatus]}
            </span>
          </div>
          {t.summary && <p className="mt-1 text-[15px] text-muted">{t.summary}</p>}
          <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
            {t.topicName && (
              <span>
                {m.topic}：{t.topicName}
              </span>
            )}
            <span>{m.notesCount(t.noteCount)}</span>
            <span>
              {m.members} {t.memberCount}
            </span>
            <span>
              {m.report}：{t.hasReport ? adminMessages.common.yes : m.noReport}
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The notes transferred to one department: due date (overdue?), status, satisfaction. */
export function DepartmentTransferTable({
  transfers,
  today,
  timeZone,
}: {
  transfers: DepartmentDetail["transfers"];
  today: string;
  timeZone: string;
}) {
  const m = adminMessages.departments;
  return (
    <DataTable
      caption={m.transfers}
      rows={transfers}
      rowKey={(t) => t.id}
      empty={m.noTransfers}
      columns={[
        {
          header: m.note,
          cell: (t) => (
            <Link href={`/admin/notes/${t.noteId}`} className={rowLinkClass}>
              {t.noteTitle || adminMessages.queue.untitled}
            </Link>
          ),
        },
        {
          header: adminMessages.note.transferDueOn,
          className: "whitespace-nowrap",
          cell: (t) => (
            <>
              {t.dueOn}
              {isTransferOverdue(t, today) && (
                <span className="ml-2">
                  <Badge tone="bad">{m.overdue}</Badge>
                </span>
              )}
            </>
          ),
        },
        {
          header: adminMessages.queue.columns.status,
          className: "whitespace-nowrap",
          cell: (t) => (
            <>
              {adminMessages.transferStatuses[t.status]}
              {t.answeredAt && (
                <span className="block text-sm text-muted">
                  {formatDate(t.answeredAt, timeZone)}
                </span>
              )}
            </>
          ),
        },
        {
          header: adminMessages.note.answerSatisfaction,
          hideBelow: "sm",
          cell: (t) => (t.satisfaction ? adminMessages.satisfaction[t.satisfaction] : "—"),
        },
      ]}
    />
  );
}

/** Every member's figures for a year; each name opens the printable record. */
export function DutyTable({ rows, year }: { rows: readonly DutySummary[]; year: number }) {
  const m = adminMessages.duty;
  const figure = (header: string, value: (r: DutySummary) => number): Column<DutySummary> => ({
    header,
    numeric: true,
    cell: value,
  });
  return (
    <DataTable
      caption={`${m.title} ${year}`}
      rows={rows}
      rowKey={(r) => r.id}
      empty={m.empty}
      columns={[
        {
          header: m.member,
          cell: (r) => (
            <Link
              href={`/admin/duty/${r.id}?year=${year}`}
              className={rowLinkClass}
              aria-label={m.open(r.name)}
            >
              {r.name}
            </Link>
          ),
        },
        { header: m.sector, hideBelow: "sm", cell: (r) => r.sectorName ?? "—" },
        figure(m.events, (r) => r.events),
        figure(m.notesFiled, (r) => r.notesFiled),
        figure(m.notesAdopted, (r) => r.notesAdopted),
        figure(m.topics, (r) => r.topics),
        figure(m.proposals, (r) => r.proposals),
      ]}
    />
  );
}
