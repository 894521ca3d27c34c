import Link from "next/link";
import type { StudioSummary } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";
import { ContactRows } from "./contact-rows";
import { DirectoryPhoto } from "./directory-photo";
import { BuildingIcon, PinIcon } from "./icons";
import { SectorLinks } from "./sector-links";

/** A studio's photo, town, address, contact and the sectors it serves, as a titled list. */
export function StudioFacts({ studio }: { studio: StudioSummary }) {
  const m = messages.directory.studios;
  return (
    <section
      aria-labelledby="studio-facts-title"
      className="w-full shrink-0 rounded-md bg-white/85 px-4 py-3 shadow-sm ring-1 ring-gold-200 lg:w-96"
    >
      {studio.photo && (
        <DirectoryPhoto
          photo={studio.photo}
          sizes="(min-width: 1024px) 384px, 100vw"
          priority
          className="-mx-4 -mt-3 mb-3 aspect-[3/2] h-auto w-[calc(100%+2rem)] max-w-none rounded-t-md bg-stone-100 object-cover"
        />
      )}
      <h2 id="studio-facts-title" className="text-sm font-semibold text-gold-700">
        {messages.directory.studio.about}
      </h2>
      <dl className="mt-1 divide-y divide-stone-100 text-[15px]">
        <div className="grid grid-cols-[5.5rem_1fr] gap-2 py-2">
          <dt className="flex items-center gap-1.5 text-sm text-muted">
            <BuildingIcon className="h-4 w-4 text-gold-700" />
            {m.town}
          </dt>
          <dd>
            {studio.town ? (
              <Link
                href={`/towns#town-${studio.town.slug}`}
                className="text-brand-700 hover:underline"
              >
                {studio.town.name}
              </Link>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div className="grid grid-cols-[5.5rem_1fr] gap-2 py-2">
          <dt className="flex items-start gap-1.5 pt-0.5 text-sm text-muted">
            <PinIcon className="mt-0.5 h-4 w-4 shrink-0 text-gold-700" />
            {m.address}
          </dt>
          <dd>{studio.address ?? messages.directory.studio.noAddress}</dd>
        </div>
        <ContactRows
          contact={studio.contact}
          name={studio.name}
          rowClassName="grid grid-cols-[5.5rem_1fr] gap-2 py-2"
          termClassName="pt-0.5 text-sm text-muted"
        />
        <div className="grid grid-cols-[5.5rem_1fr] gap-2 py-2">
          <dt className="pt-0.5 text-sm text-muted">{m.sectors}</dt>
          <dd>
            <SectorLinks sectors={studio.sectors} label={m.sectors} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
