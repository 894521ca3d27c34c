import Link from "next/link";
import type { Organiser } from "@/db/queries/events/organisers";
import { messages } from "@/lib/messages";

/** Co-organisers with their kind; sectors and studios link to their pages. */
export function OrganiserList({ organisers }: { organisers: Organiser[] }) {
  const kinds = messages.calendar.event.organiserKinds;
  return (
    <ul className="space-y-1.5">
      {organisers.map((o) => (
        <li key={`${o.kind}-${o.slug}`} className="flex items-baseline gap-2">
          <span className="w-20 shrink-0 text-xs text-muted">{kinds[o.kind]}</span>
          {o.href ? (
            <Link href={o.href} className="font-medium text-brand-700 hover:underline">
              {o.name}
            </Link>
          ) : (
            <span className="font-medium">{o.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
