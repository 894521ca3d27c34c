import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { AdminNavSection } from "@/components/admin/admin-nav";
import { ConsoleShell } from "@/components/admin/kit/console-shell";
import { getCommitteeInfo } from "@/db/queries/settings";
import type { SessionUser } from "@/lib/auth/types";
import { consoleNavFor } from "@/lib/console-nav";
import { messages } from "@/lib/messages";
import { adminMessages } from "@/lib/messages/admin";
import { can } from "@/lib/permissions";
import { getCurrentUser } from "@/server/auth/session";
import { headerMessagesFor } from "@/server/notifications/inbox";

/** Staff see the console's name in the tab; anyone else the 404's (see staffPageTitle). */
export async function generateMetadata(): Promise<Metadata> {
  const staff = can(await getCurrentUser(), "console.enter");
  return {
    title: staff
      ? { default: adminMessages.shell.product, template: `%s · ${adminMessages.shell.title}` }
      : { absolute: messages.errors.notFoundTitle },
    robots: { index: false, follow: false },
  };
}

function sectionsFor(user: SessionUser): AdminNavSection[] {
  const m = adminMessages.shell;
  return consoleNavFor(user).map(({ section, pages }) => ({
    label: m[section],
    items: pages.map(({ page, href }) => ({ href, label: m.items[page] })),
  }));
}

/**
 * The staff console's shell: who is signed in, the sections they may open, and the page.
 * Members get a 404 here; signed-out visitors are sent to log in by the page itself
 * (requireStaff), and every page and action checks for itself in any case.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [user, committee] = await Promise.all([getCurrentUser(), getCommitteeInfo()]);
  // Signed out: no shell. The page's own requireUser sends them to log in and back to
  // that very page (a redirect here could only name /admin: layouts do not know the URL).
  if (!user) return <main id="main">{children}</main>;
  if (!can(user, "console.enter")) notFound();
  const m = adminMessages.shell;
  return (
    <ConsoleShell
      shortName={committee.shortName}
      signedInAs={m.signedInAs(user.displayName, m.roles[user.role])}
      sections={sectionsFor(user)}
      messages={await headerMessagesFor(user)}
    >
      {children}
    </ConsoleShell>
  );
}
