import type { QrDrawing } from "@/lib/checkin/qr";
import type { WindowVerdict } from "@/lib/checkin/token";
import { checkinMessages } from "@/lib/messages/checkin";
import { AutoRefresh } from "./auto-refresh";
import { QrCode } from "./qr-code";

const m = checkinMessages.eventQr;

/**
 * The event's sign-in QR as staff show it at the venue, renewed every 20 s while the page
 * is open; outside the event's window, why there is none. The 刷新 link renews it by hand
 * (without JavaScript).
 */
export function MemberQrPanel({
  eventId,
  eventTitle,
  state,
  drawing,
  opensAt,
}: {
  eventId: number;
  eventTitle: string;
  state: WindowVerdict | "cancelled";
  drawing: QrDrawing | null;
  /** Worded: when the QR becomes available. */
  opensAt: string;
}) {
  const self = `/admin/registrations/${eventId}/member-qr`;
  return (
    <>
      {state === "open" && drawing ? (
        <div className="space-y-4 text-center">
          <QrCode
            id="member-checkin-qr"
            drawing={drawing}
            label={m.qrLabel(eventTitle)}
            className="mx-auto block h-auto w-full max-w-[22rem]"
          />
          <p className="text-muted">{m.intro}</p>
          <AutoRefresh seconds={20} />
        </div>
      ) : (
        <p
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-brand-900"
        >
          {state === "not_yet" ? m.notYet(opensAt) : m[state === "open" ? "over" : state]}
        </p>
      )}
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <a href={self} className="text-brand-700 underline">
          {m.refresh}
        </a>
        <a href={`/admin/registrations/${eventId}/checkin`} className="text-brand-700 underline">
          {checkinMessages.staff.toScanner}
        </a>
      </p>
    </>
  );
}
