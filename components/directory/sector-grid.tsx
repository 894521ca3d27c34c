import Link from "next/link";
import type { DirectoryPhoto as Photo } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";
import { DirectoryPhoto } from "./directory-photo";

export interface SectorGridItem {
  slug: string;
  name: string;
  description: string;
  upcomingEvents: number;
  studios: number;
  photo: Photo | null;
}

/** All sectors as cards (with their photo, when they have one); each card links to its page. */
export function SectorGrid({ items }: { items: SectorGridItem[] }) {
  const m = messages.directory.sectors;
  if (items.length === 0) return <p className="text-muted">{m.empty}</p>;
  return (
    <ul aria-label={m.listLabel} className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
      {items.map((sector) => (
        <li key={sector.slug}>
          <article className="group relative flex h-full flex-col rounded-md border border-stone-200 border-t-4 border-t-brand-600 bg-white p-3 shadow-sm transition-shadow sm:p-4 hover:shadow-md">
            {sector.photo && (
              <DirectoryPhoto
                photo={sector.photo}
                sizes="(min-width: 1024px) 400px, 50vw"
                className="-mx-3 -mt-3 mb-2.5 aspect-[3/2] h-auto w-[calc(100%+1.5rem)] max-w-none bg-stone-100 object-cover sm:-mx-4 sm:-mt-4 sm:mb-3 sm:w-[calc(100%+2rem)]"
              />
            )}
            <div className="flex flex-1 items-start gap-2.5 sm:gap-3">
              <span
                aria-hidden="true"
                className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-700 font-serif text-lg font-bold sm:h-11 sm:w-11 sm:text-xl text-gold-100 ring-2 ring-gold-200"
              >
                {Array.from(sector.name)[0]}
              </span>
              <div className="min-w-0">
                <h2 className="font-serif text-base font-bold leading-snug text-brand-800 sm:text-lg">
                  <Link
                    href={`/sectors/${sector.slug}`}
                    className="after:absolute after:inset-0 after:content-[''] group-hover:underline"
                  >
                    {sector.name}
                  </Link>
                </h2>
                <p className="mt-1 hidden text-sm text-muted sm:line-clamp-2">
                  {sector.description}
                </p>
              </div>
            </div>
            <dl className="mt-2.5 grid gap-x-2 gap-y-0.5 border-t border-stone-100 pt-2.5 text-sm sm:mt-3 sm:grid-cols-2 sm:pt-3">
              <Figure label={m.upcoming} value={sector.upcomingEvents} unit={m.eventsUnit} />
              <Figure label={m.studios} value={sector.studios} unit={m.studiosUnit} />
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}

function Figure({ label, value, unit }: { label: string; value: number; unit: string }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-muted">{label}</dt>
      <dd>
        <span
          className={`font-serif text-base font-bold sm:text-lg ${value > 0 ? "text-brand-700" : "text-muted"}`}
        >
          {value}
        </span>{" "}
        <span className="text-muted">{unit}</span>
      </dd>
    </div>
  );
}
