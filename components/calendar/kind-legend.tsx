import { messages } from "@/lib/messages";
import { eventKinds } from "@/lib/vocabulary";

export function KindLegend() {
  const m = messages.calendar;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm text-muted">
      <h2 className="sr-only">{m.legend}</h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
        {eventKinds.map((kind) => (
          <li key={kind} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`k-dot h-3 w-3 rounded-sm k-${kind}`} />
            {messages.eventKinds[kind]}
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="text-stone-600 line-through">
            {m.legendSample}
          </span>
          {m.cancelled}
        </li>
      </ul>
    </div>
  );
}
