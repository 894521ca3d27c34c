import { messages } from "@/lib/messages";
import type { EventKind, ServiceType } from "@/lib/vocabulary";

/**
 * Kind, 六送 service, cancelled and open-attendance badges of one event. Open
 * attendance invites registration only while the event is still to come.
 */
export function EventBadges({
  kind,
  serviceType,
  status,
  openToPublic,
  startsAt,
  size = "sm",
}: {
  kind: EventKind;
  serviceType: ServiceType | null;
  status: "scheduled" | "cancelled";
  openToPublic: boolean;
  startsAt: Date;
  size?: "sm" | "md";
}) {
  const upcoming = startsAt.getTime() > Date.now();
  const m = messages.calendar;
  const base = size === "md" ? "px-2 py-0.5 text-sm" : "px-1.5 py-0.5 text-xs";
  return (
    <span className="flex flex-wrap gap-1.5">
      <span className={`k-badge rounded border-l-4 ${base} k-${kind}`}>
        {messages.eventKinds[kind]}
      </span>
      {serviceType && (
        <span className={`rounded bg-gold-100 font-medium text-gold-700 ${base}`}>
          {messages.serviceTypes[serviceType]}
        </span>
      )}
      {status === "cancelled" && (
        <span className={`rounded bg-stone-700 font-medium text-white ${base}`}>{m.cancelled}</span>
      )}
      {status !== "cancelled" && openToPublic && (
        <span className={`rounded bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200 ${base}`}>
          {upcoming ? m.openToPublic : m.openAttendance}
        </span>
      )}
    </span>
  );
}
