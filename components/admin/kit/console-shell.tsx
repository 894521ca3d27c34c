import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/ui/logout-button";
import { SkipLink } from "@/components/ui/skip-link";
import { adminMessages } from "@/lib/messages/admin";
import { MessagesLink } from "../../layout/site-header";
import { AdminNav, type AdminNavSection } from "../admin-nav";

/**
 * The staff console's frame: the bar with the committee's name, who is signed in, the way
 * back to the site and out; the sections the user may open; the page as the main landmark.
 */
export function ConsoleShell({
  shortName,
  signedInAs,
  sections,
  messages,
  children,
}: {
  shortName: string;
  /** "王编辑（编辑）". */
  signedInAs: string;
  sections: AdminNavSection[];
  /** The user's message centre and its unread count. */
  messages?: { href: string; unread: number };
  children: ReactNode;
}) {
  const m = adminMessages.shell;
  return (
    <div className="flex min-h-screen flex-col bg-stone-50">
      <SkipLink />
      <header className="bg-brand-800 text-white print:hidden">
        <div className="mx-auto flex max-w-[90rem] flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="flex items-baseline gap-2">
            <span className="font-serif text-xl font-bold tracking-wide">{shortName}</span>
            <span className="text-sm text-brand-100">{m.product}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <span>{signedInAs}</span>
            {messages ? (
              <MessagesLink
                {...messages}
                className="-mx-2 text-brand-100 hover:bg-brand-900"
                badgeClassName="bg-gold-500 text-brand-900"
              />
            ) : null}
            <Link href="/" className="text-brand-100 underline-offset-2 hover:underline">
              {m.backToSite}
            </Link>
            <LogoutButton
              label={m.logout}
              className="rounded border border-white/50 px-2.5 py-1 text-white hover:bg-brand-900"
            />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-[90rem] flex-1 flex-col lg:flex-row lg:gap-6 lg:px-4 lg:py-6">
        <aside className="border-b border-stone-200 bg-white lg:w-52 lg:shrink-0 lg:border-0 lg:bg-transparent print:hidden">
          <AdminNav label={m.nav} menuLabel={m.menu} sections={sections} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-5 lg:px-0 lg:py-0">
          {children}
        </main>
      </div>
    </div>
  );
}
