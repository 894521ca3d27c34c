import Link from "next/link";
import type { SectorLink } from "@/db/queries/directory/public";

/** Sectors as small links, e.g. the sectors a studio serves. */
export function SectorLinks({ sectors, label }: { sectors: SectorLink[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {sectors.map((s) => (
        <li key={s.slug}>
          <Link
            href={`/sectors/${s.slug}`}
            className="relative z-10 inline-block rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700 ring-1 ring-brand-100 hover:bg-brand-100 hover:underline"
          >
            {s.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
