import Link from "next/link";
import type { StudioSummary } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";
import { DirectoryPhoto } from "./directory-photo";
import { BuildingIcon, PinIcon } from "./icons";
import { SectorLinks } from "./sector-links";

/**
 * Studios as cards: name (a link to the studio's page), town, address and the
 * sectors served (each a link to its sector). `headingLevel` keeps headings in order.
 */
export function StudioList({
  studios,
  headingLevel = 2,
  compact = false,
  emptyText,
}: {
  studios: StudioSummary[];
  headingLevel?: 2 | 3;
  compact?: boolean;
  emptyText: string;
}) {
  const m = messages.directory.studios;
  if (studios.length === 0) return <p className="text-muted">{emptyText}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul
      aria-label={m.listLabel}
      className={compact ? "space-y-3" : "grid gap-4 sm:grid-cols-2 lg:grid-cols-3"}
    >
      {studios.map((studio) => (
        <li key={studio.slug}>
          <article className="relative flex h-full flex-col rounded-md border border-stone-200 border-t-4 border-t-gold-500 bg-white p-4 shadow-sm transition-shadow hover:shadow-md">
            {!compact && studio.photo && (
              <DirectoryPhoto
                photo={studio.photo}
                sizes="(min-width: 1024px) 400px, (min-width: 640px) 50vw, 100vw"
                className="-mx-4 -mt-4 mb-3 aspect-[3/2] h-auto w-[calc(100%+2rem)] max-w-none bg-stone-100 object-cover"
              />
            )}
            <Heading className="font-serif text-lg font-bold leading-snug text-brand-800">
              <Link
                href={`/studios/${studio.slug}`}
                className="after:absolute after:inset-0 after:content-[''] hover:underline"
              >
                {studio.name}
              </Link>
            </Heading>
            {!compact && studio.description && (
              <p className="mt-1 text-sm text-muted">{studio.description}</p>
            )}
            <dl className="mt-3 space-y-1.5 text-sm">
              {studio.town && (
                <div className="flex items-start gap-2">
                  <dt className="flex shrink-0 items-center gap-1 text-muted">
                    <BuildingIcon className="h-4 w-4 text-gold-700" />
                    {m.town}
                  </dt>
                  <dd>{studio.town.name}</dd>
                </div>
              )}
              {studio.address && (
                <div className="flex items-start gap-2">
                  <dt className="flex shrink-0 items-center gap-1 text-muted">
                    <PinIcon className="h-4 w-4 text-gold-700" />
                    {m.address}
                  </dt>
                  <dd>{studio.address}</dd>
                </div>
              )}
            </dl>
            {studio.sectors.length > 0 && (
              <div className="mt-auto pt-3">
                <p className="mb-1.5 text-xs text-muted">{m.sectors}</p>
                <SectorLinks sectors={studio.sectors} label={`${studio.name}${m.sectors}`} />
              </div>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
