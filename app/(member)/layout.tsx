import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { MemberBar } from "@/components/notes/member-bar";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { mayFileNotes } from "@/lib/notes/access";
import { ELDER_COOKIE } from "@/lib/preferences";
import { localParts } from "@/lib/time";
import { getHeaderUser } from "@/server/auth/header-user";
import { getCurrentUser } from "@/server/auth/session";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The member area's shell: the site's header and footer around the member's own
 * navigation. It shows who is signed in; each page checks that itself (requireUser).
 */
export default async function MemberLayout({ children }: { children: React.ReactNode }) {
  const [committee, jar, user, headerUser] = await Promise.all([
    getCommitteeInfo(),
    cookies(),
    getCurrentUser(),
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
      {/* A printed duty record or note is the page's content alone. */}
      <div className="print:hidden">
        <SiteHeader
          committeeName={committee.name}
          shortName={committee.shortName}
          elder={elder}
          user={headerUser}
        />
      </div>
      <MemberBar filesNotes={mayFileNotes(user)} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <div className="print:hidden">
        <SiteFooter committee={committee} year={year} />
      </div>
    </div>
  );
}
