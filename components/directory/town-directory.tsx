import Link from "next/link";
import type { TownEntry } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";
import { ContactRows } from "./contact-rows";
import { DirectoryPhoto } from "./directory-photo";
import { BuildingIcon, CalendarIcon, PinIcon } from "./icons";
import { PlaceFacts } from "./place-facts";

const GROUPS = ["subdistrict", "town"] as const;

/** Towns grouped 街道 / 镇, each with its liaison office, its studios and its calendar. */
export function TownDirectory({ towns }: { towns: TownEntry[] }) {
  const m = messages.directory.towns;
  return (
    <div className="space-y-10">
      <nav aria-label={m.jumpLabel}>
        <ul className="flex flex-wrap gap-2">
          {towns.map((town) => (
            <li key={town.slug}>
              <a
                href={`#town-${town.slug}`}
                className="inline-block rounded-full border border-brand-200 bg-white px-3 py-1 text-sm text-brand-700 hover:bg-brand-50"
              >
                {town.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {GROUPS.map((kind) => {
        const members = towns.filter((t) => t.kind === kind);
        if (members.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`group-${kind}`}>
            <div className="mb-4 flex items-end gap-3 border-b-2 border-brand-600 pb-2">
              <h2
                id={`group-${kind}`}
                className="font-serif text-xl font-bold text-brand-800 sm:text-2xl"
              >
                {m.groups[kind]}
              </h2>
              <span className="pb-0.5 text-sm text-muted">{m.count(members.length)}</span>
            </div>
            <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-1">
              {members.map((town) => (
                <li key={town.slug}>
                  <TownCard town={town} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function TownCard({ town }: { town: TownEntry }) {
  const m = messages.directory.towns;
  return (
    <article
      id={`town-${town.slug}`}
      aria-labelledby={`town-${town.slug}-name`}
      className="flex h-full scroll-mt-4 flex-col overflow-hidden rounded-md border border-stone-200 bg-white shadow-sm target:ring-2 target:ring-gold-500 lg:flex-row"
    >
      <div className="flex flex-col border-stone-100 lg:w-72 lg:shrink-0 lg:border-r">
        <h3
          id={`town-${town.slug}-name`}
          className="bg-brand-700 px-4 py-2.5 font-serif text-lg font-bold text-white lg:text-xl"
        >
          {town.name}
        </h3>
        <PlaceFacts
          id={`town-${town.slug}-contact`}
          name={town.name}
          photo={town.photo}
          address={town.address}
          contact={town.contact}
          sizes="(min-width: 1024px) 288px, (min-width: 768px) 50vw, 100vw"
          headingLevel={4}
          plain
        />
      </div>
      <div className="grid flex-1 content-start gap-4 p-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:gap-6 lg:px-6 lg:py-5">
        <div>
          <h4 className="flex items-center gap-1.5 text-sm font-semibold text-gold-700">
            <BuildingIcon />
            {m.liaisonOffice}
          </h4>
          {town.liaisonOffices.length === 0 ? (
            <p className="mt-1 text-sm text-muted">{m.noOffice}</p>
          ) : (
            <ul className="mt-1 space-y-2">
              {town.liaisonOffices.map((office) => (
                <li key={office.slug} className="flex flex-col gap-2 sm:flex-row sm:gap-3">
                  {office.photo && (
                    <DirectoryPhoto
                      photo={office.photo}
                      sizes="112px"
                      className="mt-1 h-[4.5rem] w-28 shrink-0 rounded-sm bg-stone-100 object-cover"
                    />
                  )}
                  <div className="min-w-0">
                    <p className="font-semibold">{office.name}</p>
                    {office.address && (
                      <p className="mt-0.5 flex items-start gap-1 text-sm text-muted">
                        <PinIcon className="mt-1 h-4 w-4 shrink-0" />
                        <span>
                          <span className="sr-only">{m.address}：</span>
                          {office.address}
                        </span>
                      </p>
                    )}
                    <dl className="mt-0.5 text-sm">
                      <ContactRows
                        contact={office.contact}
                        name={office.name}
                        rowClassName="flex gap-1.5"
                        termClassName="shrink-0 text-muted after:content-['：']"
                      />
                    </dl>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4 className="text-sm font-semibold text-gold-700">{m.studios}</h4>
          {town.studios.length === 0 ? (
            <p className="mt-1 text-sm text-muted">{m.noStudios}</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
              {town.studios.map((studio) => (
                <li key={studio.slug}>
                  <Link
                    href={`/studios/${studio.slug}`}
                    className="text-[15px] text-brand-700 underline-offset-2 hover:underline"
                  >
                    {studio.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <p className="border-t border-stone-100 pt-3 lg:col-span-2">
          <Link
            href={`/events?town=${town.slug}`}
            className="inline-flex items-center gap-1.5 whitespace-nowrap rounded border border-brand-200 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
          >
            <CalendarIcon />
            {m.calendar}
            <span aria-hidden="true">›</span>
          </Link>
        </p>
      </div>
    </article>
  );
}
