import { Badge, buttonClass, columnsFor, DataTable, EmptyState } from "@/components/admin/kit";
import type { OpinionForModeration } from "@/db/queries/opinions/staff";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.opinions;
const tones = { approved: "good", rejected: "neutral", pending: "warn" } as const;

/** One row's approve / reject buttons (the decision names the row: "approved:12"). */
function RowDecisions({ o }: { o: OpinionForModeration }) {
  const button = (decision: "approved" | "rejected", label: string) => (
    <button
      type="submit"
      name="decision"
      value={`${decision}:${o.id}`}
      className={buttonClass.quiet}
      aria-label={`${label}（${m.table.selectOne(o.id)}）`}
    >
      {label}
    </button>
  );
  return (
    <div className="flex flex-col gap-1">
      {o.status !== "approved" && button("approved", m.approveOne)}
      {o.status !== "rejected" && button("rejected", m.rejectOne)}
    </div>
  );
}

/**
 * Opinions awaiting (or after) moderation, in one form: tick several and approve or reject
 * them together, or decide one row. `back` is the list's address to return to.
 */
export function ModerationTable({
  rows,
  timeZone,
  action,
  back,
}: {
  rows: readonly OpinionForModeration[];
  timeZone: string;
  action: (formData: FormData) => Promise<void>;
  back: string;
}) {
  if (rows.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  const col = columnsFor<OpinionForModeration>(timeZone);
  return (
    <form action={action}>
      <input type="hidden" name="back" value={back} />
      <fieldset className="mb-3 flex flex-wrap items-center gap-2">
        <legend className="sr-only">{m.bulk}</legend>
        <button type="submit" name="decision" value="approved" className={buttonClass.secondary}>
          {m.approve}
        </button>
        <button type="submit" name="decision" value="rejected" className={buttonClass.quiet}>
          {m.reject}
        </button>
      </fieldset>
      <DataTable
        caption={m.table.caption}
        rows={rows}
        columns={[
          {
            header: <span className="sr-only">{m.table.select}</span>,
            cell: (o) => (
              <input
                type="checkbox"
                name="ids"
                value={o.id}
                aria-label={m.table.selectOne(o.id)}
                className="size-4 accent-brand-700"
              />
            ),
          },
          { header: m.table.body, className: "max-w-md whitespace-pre-line", cell: (o) => o.body },
          { header: m.table.topic, className: "whitespace-nowrap", cell: (o) => o.topicName },
          { header: m.table.name, className: "whitespace-nowrap", cell: (o) => o.name },
          { header: m.table.contact, className: "text-sm", cell: (o) => o.contact },
          col.time(m.table.submittedAt, (o) => o.createdAt),
          {
            header: m.table.status,
            cell: (o) => (
              <>
                <Badge tone={tones[o.status]}>{m.status[o.status]}</Badge>
                {o.moderatedAt && o.moderatorName && (
                  <p className="mt-1 text-xs text-muted">
                    {m.moderatedBy(o.moderatorName, compactDateTime(o.moderatedAt, timeZone))}
                  </p>
                )}
              </>
            ),
          },
          { header: cmsMessages.common.actions, cell: (o) => <RowDecisions o={o} /> },
        ]}
      />
    </form>
  );
}
