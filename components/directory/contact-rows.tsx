import type { DirectoryContact } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";

/**
 * The rows of a definition list saying how to reach a studio or an office: the person,
 * the phone (a tel: link, one tap on a phone) and the opening hours; missing parts are
 * left out rather than shown as dashes.
 */
export function ContactRows({
  contact,
  name,
  rowClassName,
  termClassName,
}: {
  contact: DirectoryContact;
  name: string;
  rowClassName: string;
  termClassName: string;
}) {
  const m = messages.directory.contact;
  return (
    <>
      {contact.person && (
        <div className={rowClassName}>
          <dt className={termClassName}>{m.person}</dt>
          <dd>{contact.person}</dd>
        </div>
      )}
      {contact.phone && (
        <div className={rowClassName}>
          <dt className={termClassName}>{m.phone}</dt>
          <dd>
            <a
              href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}
              aria-label={m.callLabel(name, contact.phone)}
              className="text-brand-700 underline-offset-2 hover:underline"
            >
              {contact.phone}
            </a>
          </dd>
        </div>
      )}
      {contact.openingHours && (
        <div className={rowClassName}>
          <dt className={termClassName}>{m.openingHours}</dt>
          <dd>{contact.openingHours}</dd>
        </div>
      )}
    </>
  );
}
