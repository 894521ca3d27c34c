import { Badge, buttonClass, columnsFor, DataTable } from "@/components/admin/kit";
import type { DeliveryRow } from "@/db/queries/notifications/admin";
import { deliveryMessages } from "@/lib/messages/notification-delivery";

const m = deliveryMessages.admin;

/**
 * The outbox's failed or waiting deliveries: whom (by name, never by address), on which
 * channel, how often tried, the last error; a failed one has its 重试 button.
 */
export function DeliveryTable({
  rows,
  timeZone,
  retryAction,
  back,
}: {
  rows: readonly DeliveryRow[];
  timeZone: string;
  /** Given on the failed list only: what is still pending needs no retry. */
  retryAction?: (formData: FormData) => Promise<void>;
  back: string;
}) {
  const col = columnsFor<DeliveryRow>(timeZone);
  return (
    <DataTable
      caption={m.caption}
      rows={rows}
      empty={m.empty}
      columns={[
        col.time(m.columns.created, (r) => r.createdAt),
        {
          header: m.columns.title,
          className: "max-w-xs",
          cell: (r) => (
            <>
              <span className="block">{r.title}</span>
              <code className="text-xs text-muted">{r.kind}</code>
            </>
          ),
        },
        {
          header: m.columns.recipient,
          className: "whitespace-nowrap",
          cell: (r) => r.recipientName ?? (r.registrationId ? m.registrant(r.registrationId) : ""),
        },
        { header: m.columns.channel, cell: (r) => <Badge>{m.channel[r.channel]}</Badge> },
        { header: m.columns.attempts, numeric: true, cell: (r) => r.attempts },
        col.time(m.columns.next, (r) => r.nextAttemptAt),
        {
          header: m.columns.error,
          className: "max-w-sm break-words text-sm",
          cell: (r) => r.lastError ?? "",
        },
        ...(retryAction ? [retryColumn(retryAction, back)] : []),
      ]}
    />
  );
}

function retryColumn(retryAction: (formData: FormData) => Promise<void>, back: string) {
  return {
    header: m.columns.actions,
    cell: (r: DeliveryRow) => (
      <form action={retryAction}>
        <input type="hidden" name="id" value={r.id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" className={buttonClass.quiet} aria-label={`${m.retry}：${r.title}`}>
          {m.retry}
        </button>
      </form>
    ),
  };
}
