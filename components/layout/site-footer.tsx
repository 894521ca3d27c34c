import Link from "next/link";
import type { ReactNode } from "react";
import type { CommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { siteMessages } from "@/lib/messages/site";
import { ICP_LOOKUP_URL, policeRecordUrl } from "@/lib/settings/site";

const s = siteMessages.footer;
const linkClass = "underline-offset-2 hover:underline";

/** A link to another site, in a new window (said to screen readers). */
function External({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className={linkClass} href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="sr-only">{s.newWindow}</span>
    </a>
  );
}

/**
 * The site's footer: the committee, 主办单位, contact, links to other CPPCC sites, the
 * statements, and the filing numbers a Chinese government site shows (ICP备案号 linked to
 * the MIIT filing site, 公安机关备案号 to its public-security record, 政府网站标识码). Every
 * value comes from committee_settings (edited on /admin/settings).
 */
export function SiteFooter({ committee, year }: { committee: CommitteeInfo; year: number }) {
  const m = messages.footer;
  const police = committee.policeNumber ? policeRecordUrl(committee.policeNumber) : null;
  return (
    <footer className="mt-16 bg-[#2b1d1d] text-[#e9e1dc]" data-site-footer>
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <p className="font-serif text-lg font-bold text-white">{committee.name}</p>
          <p className="mt-2 text-sm text-[#cfc4bd]">{messages.site.tagline}</p>
          {committee.hostOrganisation && (
            <p className="mt-3 text-sm">
              <span className="text-[#cfc4bd]">{s.host}：</span>
              {committee.hostOrganisation}
            </p>
          )}
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
                    className={linkClass}
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
                  <a className={linkClass} href={`mailto:${committee.contactEmail}`}>
                    {committee.contactEmail}
                  </a>
                </dd>
              </>
            )}
          </dl>
        </address>
        <nav aria-labelledby="footer-links">
          <h2 id="footer-links" className="text-sm font-semibold text-white">
            {s.links}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {committee.siteLinks.map((link) => (
              <li key={link.url}>
                <External href={link.url}>{link.name}</External>
              </li>
            ))}
            <li>
              <Link className={linkClass} href="/site-map">
                {s.sitemap}
              </Link>
            </li>
            <li>
              <Link className={linkClass} href="/privacy">
                {s.privacy}
              </Link>
            </li>
            <li>
              <Link className={linkClass} href="/accessibility">
                {s.accessibility}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-white/10">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-4 text-xs text-[#cfc4bd]">
          <p>
            © {year} {committee.name}
          </p>
          {committee.icpNumber && (
            <p>
              <External href={ICP_LOOKUP_URL}>{committee.icpNumber}</External>
            </p>
          )}
          {committee.policeNumber && (
            <p>
              {police ? (
                <External href={police}>{committee.policeNumber}</External>
              ) : (
                committee.policeNumber
              )}
            </p>
          )}
          {committee.govSiteCode && (
            <p>
              {s.govSiteCode}：{committee.govSiteCode}
            </p>
          )}
          <p>{m.poweredBy}</p>
        </div>
      </div>
    </footer>
  );
}
