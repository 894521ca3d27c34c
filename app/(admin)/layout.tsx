import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav, type AdminNavSection } from "@/components/admin/admin-nav";
import { getCommitteeInfo } from "@/db/queries/settings";
import type { SessionUser } from "@/lib/auth/types";
import { messages } from "@/lib/messages";
import { adminMessages } from "@/lib/messages/admin";
import { can, type PermissionAction } from "@/lib/permissions";
import { getCurrentUser } from "@/server/auth/session";

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

type Item = { href: string; key: keyof typeof adminMessages.shell.items; needs: PermissionAction };

const SECTIONS: { label: string; items: Item[] }[] = [
  {
    label: adminMessages.shell.pipeline,
    items: [
      { href: "/admin", key: "dashboard", needs: "console.enter" },
      { href: "/admin/notes", key: "notes", needs: "note.review" },
      { href: "/admin/departments", key: "departments", needs: "department.manage" },
      { href: "/admin/research", key: "research", needs: "research.manage" },
      { href: "/admin/proposals", key: "proposals", needs: "proposal.manage" },
      { href: "/admin/duty", key: "duty", needs: "duty.list" },
    ],
  },
  {
    label: adminMessages.shell.content,
    items: [
      { href: "/admin/news", key: "news", needs: "article.create" },
      { href: "/admin/events", key: "events", needs: "event.create" },
      { href: "/admin/registrations", key: "registrations", needs: "registration.view" },
      { href: "/admin/cases", key: "cases", needs: "case.publish" },
      { href: "/admin/opinions", key: "opinions", needs: "opinion.moderate" },
    ],
  },
  {
    label: adminMessages.shell.system,
    items: [
      { href: "/admin/directory", key: "directory", needs: "directory.manage" },
      { href: "/admin/users", key: "users", needs: "user.manage" },
      { href: "/admin/stats", key: "stats", needs: "stats.view" },
      { href: "/admin/audit", key: "audit", needs: "audit.view" },
    ],
  },
];

function sectionsFor(user: SessionUser): AdminNavSection[] {
  return SECTIONS.map((section) => ({
    label: section.label,
    items: section.items
      .filter((item) => can(user, item.needs))
      .map((item) => ({ href: item.href, label: adminMessages.shell.items[item.key] })),
  })).filter((section) => section.items.length > 0);
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
    <div className="flex min-h-screen flex-col bg-stone-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        {messages.site.skipToContent}
      </a>
      <header className="bg-brand-800 text-white print:hidden">
        <div className="mx-auto flex max-w-[90rem] flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="flex items-baseline gap-2">
            <span className="font-serif text-xl font-bold tracking-wide">
              {committee.shortName}
            </span>
            <span className="text-sm text-brand-100">{m.product}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <span>{m.signedInAs(user.displayName, m.roles[user.role])}</span>
            <Link href="/" className="text-brand-100 underline-offset-2 hover:underline">
              {m.backToSite}
            </Link>
            <form action="/logout" method="post">
              <button
                type="submit"
                className="rounded border border-white/50 px-2.5 py-1 text-white hover:bg-brand-900"
              >
                {m.logout}
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-[90rem] flex-1 flex-col lg:flex-row lg:gap-6 lg:px-4 lg:py-6">
        <aside className="border-b border-stone-200 bg-white lg:w-52 lg:shrink-0 lg:border-0 lg:bg-transparent print:hidden">
          <AdminNav label={m.nav} sections={sectionsFor(user)} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-5 lg:px-0 lg:py-0">
          {children}
        </main>
      </div>
    </div>
  );
}
