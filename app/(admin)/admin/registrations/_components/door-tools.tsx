import { buttonClass, Panel } from "@/components/admin/kit";
import { checkinMessages } from "@/lib/messages/checkin";
import { cmsMessages } from "@/lib/messages/cms";
import { CheckInByCode } from "./registration-tools";

const m = cmsMessages.registrations;

/** At the door and after: check-in by code, and the CSV export (full phones for admins). */
export function DoorTools({ eventId, mayReveal }: { eventId: number; mayReveal: boolean }) {
  const exportForm = (phones: "masked" | "full", label: string, className: string) => (
    <form method="post" action={`/admin/registrations/${eventId}/export`}>
      <input type="hidden" name="phones" value={phones} />
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
  return (
    <div className="mb-6 grid gap-4 lg:grid-cols-2">
      <Panel id="checkin-title" title={m.checkIn.byCode} className="space-y-2">
        <CheckInByCode eventId={eventId} permalink={`/admin/registrations/${eventId}`} />
        {/* Page loads, not client navigations: the camera is allowed per document. */}
        <p className="flex flex-wrap gap-2 pt-2">
          <a href={`/admin/registrations/${eventId}/checkin`} className={buttonClass.secondary}>
            {checkinMessages.staff.toScanner}
          </a>
          <a href={`/admin/registrations/${eventId}/member-qr`} className={buttonClass.secondary}>
            {checkinMessages.staff.toMemberQr}
          </a>
        </p>
      </Panel>
      <Panel id="export-title" title={m.export.title} className="space-y-2">
        <p className="text-sm text-muted">{cmsMessages.common.csvHint}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          {exportForm("masked", m.export.masked, buttonClass.secondary)}
          {mayReveal && exportForm("full", m.export.full, buttonClass.danger)}
        </div>
        {mayReveal && <p className="mt-2 text-sm text-muted">{m.export.fullHint}</p>}
      </Panel>
    </div>
  );
}
