import Link from "next/link";
import type { ReactNode } from "react";
import type { CommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { siteMessages } from "@/lib/messages/site";
import { ICP_LOOKUP_URL, policeRecordUrl } from "@/lib/settings/site";

// Its links, headings and quiet text are styled from the footer's class (app/globals.css).
const s = siteMessages.footer;

/** A link to another site, in a new window (said to screen readers). */
function External({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
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
    <footer className="site-footer" data-site-footer>
      <div className="site-footer-grid">
        <div>
          <p className="font-serif text-lg font-bold text-white">{committee.name}</p>
          <p className="site-footer-quiet mt-2 text-sm">{messages.site.tagline}</p>
          {committee.hostOrganisation && (
            <p className="mt-3 text-sm">
              <span className="site-footer-quiet">{s.host}：</span>
              {committee.hostOrganisation}
            </p>
          )}
        </div>
        <address className="not-italic">
          <h2>{m.contact}</h2>
          <dl className="site-footer-contact">
            {committee.contactAddress && (
              <>
                <dt>{m.address}</dt>
                <dd>{committee.contactAddress}</dd>
              </>
            )}
            {committee.postcode && (
              <>
                <dt>{m.postcode}</dt>
                <dd>{committee.postcode}</dd>
              </>
            )}
            {committee.contactPhone && (
              <>
                <dt>{m.phone}</dt>
                <dd>
                  <a href={`tel:${committee.contactPhone.replace(/[^\d+]/g, "")}`}>
                    {committee.contactPhone}
                  </a>
                </dd>
              </>
            )}
            {committee.contactEmail && (
              <>
                <dt>{m.email}</dt>
                <dd>
                  <a href={`mailto:${committee.contactEmail}`}>{committee.contactEmail}</a>
                </dd>
              </>
            )}
          </dl>
        </address>
        <nav aria-labelledby="footer-links">
          <h2 id="footer-links">{s.links}</h2>
          <ul className="site-footer-links">
            {committee.siteLinks.map((link) => (
              <li key={link.url}>
                <External href={link.url}>{link.name}</External>
              </li>
            ))}
            <li>
              <Link href="/site-map">{s.sitemap}</Link>
            </li>
            <li>
              <Link href="/privacy">{s.privacy}</Link>
            </li>
            <li>
              <Link href="/accessibility">{s.accessibility}</Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-white/10">
        <div className="site-footer-legal">
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
