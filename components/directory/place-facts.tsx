import type { DirectoryContact, DirectoryPhoto as Photo } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";
import { ContactRows } from "./contact-rows";
import { DirectoryPhoto } from "./directory-photo";
import { PinIcon } from "./icons";

/**
 * A sector's or a town's photo and how to reach it (address, person, phone, hours), as a
 * titled card; nothing at all when none of it is known.
 */
export function PlaceFacts({
  id,
  name,
  photo,
  address,
  contact,
  sizes,
  priority = false,
  headingLevel = 2,
  plain = false,
}: {
  id: string;
  name: string;
  photo: Photo | null;
  address: string | null;
  contact: DirectoryContact;
  sizes: string;
  priority?: boolean;
  headingLevel?: 2 | 3 | 4;
  /** Inside another card: no frame of its own. */
  plain?: boolean;
}) {
  const m = messages.directory.contact;
  const hasContact = Boolean(address || contact.person || contact.phone || contact.openingHours);
  if (!photo && !hasContact) return null;
  const Heading = `h${headingLevel}` as const;
  const row = "grid grid-cols-[5rem_1fr] gap-2 py-1.5";
  const term = "pt-0.5 text-sm text-muted";
  return (
    <section
      aria-labelledby={id}
      className={
        plain ? undefined : "overflow-hidden rounded-md bg-white/85 shadow-sm ring-1 ring-gold-200"
      }
    >
      {photo && (
        <DirectoryPhoto
          photo={photo}
          sizes={sizes}
          priority={priority}
          className="aspect-[3/2] h-auto w-full bg-stone-100 object-cover"
        />
      )}
      <div className="px-4 py-3">
        <Heading id={id} className="text-sm font-semibold text-gold-700">
          {m.title(name)}
        </Heading>
        {hasContact && (
          <dl className="mt-1 divide-y divide-stone-100 text-[15px]">
            {address && (
              <div className={row}>
                <dt className={`flex items-start gap-1 ${term}`}>
                  <PinIcon className="mt-0.5 h-4 w-4 shrink-0 text-gold-700" />
                  {m.address}
                </dt>
                <dd>{address}</dd>
              </div>
            )}
            <ContactRows contact={contact} name={name} rowClassName={row} termClassName={term} />
          </dl>
        )}
      </div>
    </section>
  );
}
