import type { CommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";

export function SiteFooter({ committee, year }: { committee: CommitteeInfo; year: number }) {
  const m = messages.footer;
  return (
    <footer className="mt-16 bg-[#2b1d1d] text-[#e9e1dc]">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2">
        <div>
          <p className="font-serif text-lg font-bold text-white">{committee.name}</p>
          <p className="mt-2 text-sm text-[#cfc4bd]">{messages.site.tagline}</p>
        </div>
        <address className="not-italic">
          <h2 className="text-sm font-semibold text-white">{m.contact}</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {committee.contactAddress && (
              <>
                <dt className="text-[#cfc4bd]">{m.address}</dt>
                <dd>{committee.contactAddress}</dd>
              </>
            )}
            {committee.postcode && (
              <>
                <dt className="text-[#cfc4bd]">{m.postcode}</dt>
                <dd>{committee.postcode}</dd>
              </>
            )}
            {committee.contactPhone && (
              <>
                <dt className="text-[#cfc4bd]">{m.phone}</dt>
                <dd>
                  <a
                    className="underline-offset-2 hover:underline"
                    href={`tel:${committee.contactPhone.replace(/[^\d+]/g, "")}`}
                  >
                    {committee.contactPhone}
                  </a>
                </dd>
              </>
            )}
            {committee.contactEmail && (
              <>
                <dt className="text-[#cfc4bd]">{m.email}</dt>
                <dd>
                  <a
                    className="underline-offset-2 hover:underline"
                    href={`mailto:${committee.contactEmail}`}
                  >
                    {committee.contactEmail}
                  </a>
                </dd>
              </>
            )}
          </dl>
        </address>
      </div>
      <div className="border-t border-white/10">
        <p className="mx-auto max-w-6xl px-4 py-4 text-xs text-[#cfc4bd]">
          © {year} {committee.name} · {m.poweredBy}
        </p>
      </div>
    </footer>
  );
}
