import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { ELDER_COOKIE } from "@/lib/preferences";
import { localParts } from "@/lib/time";
import { getHeaderUser } from "@/server/auth/header-user";

// Login steps and invitation links are nobody's search result.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [committee, jar, user] = await Promise.all([
    getCommitteeInfo(),
    cookies(),
    getHeaderUser(),
  ]);
  const elder = jar.get(ELDER_COOKIE)?.value === "1";
  const year = localParts(new Date(), committee.timeZone).year;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        {messages.site.skipToContent}
      </a>
      <SiteHeader
        committeeName={committee.name}
        shortName={committee.shortName}
        elder={elder}
        user={user}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:py-12">
        {children}
      </main>
      <SiteFooter committee={committee} year={year} />
    </div>
  );
}
