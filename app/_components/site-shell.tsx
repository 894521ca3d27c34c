import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/ui/skip-link";
import { getCommitteeInfo } from "@/db/queries/settings";
import { ELDER_COOKIE } from "@/lib/preferences";
import { localParts } from "@/lib/time";
import { getHeaderUser } from "@/server/auth/header-user";

/**
 * The public site's frame, shared by the (public), (auth) and (member) groups: the skip
 * link, the site header (with the elder-mode switch and who is signed in), the page's main
 * landmark and the footer. `bar` sits between header and main (the member area's nav).
 * Header and footer never go on paper (a printed article, duty record or note).
 */
export async function SiteShell({
  children,
  mainClassName = "py-6 sm:py-8",
  bar,
}: {
  children: ReactNode;
  mainClassName?: string;
  bar?: ReactNode;
  /** Was: leave header and footer off paper. Now every page does; kept for its callers. */
  printBare?: boolean;
}) {
  const [committee, jar, user] = await Promise.all([
    getCommitteeInfo(),
    cookies(),
    getHeaderUser(),
  ]);
  const elder = jar.get(ELDER_COOKIE)?.value === "1";
  const year = localParts(new Date(), committee.timeZone).year;
  const chrome = (node: ReactNode) => <div className="contents print:hidden">{node}</div>;
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      {chrome(
        <SiteHeader
          committeeName={committee.name}
          shortName={committee.shortName}
          elder={elder}
          user={user}
        />,
      )}
      {bar}
      <main id="main" className={`mx-auto w-full max-w-6xl flex-1 px-4 ${mainClassName}`}>
        {children}
      </main>
      {chrome(<SiteFooter committee={committee} year={year} />)}
    </div>
  );
}
