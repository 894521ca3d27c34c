import type { SessionUser } from "@/lib/auth/types";
import { can, type PermissionAction } from "@/lib/permissions";

/** The staff console's pages as its navigation lists them, by section. */
export const consoleSections = [
  ["pipeline", ["dashboard", "notes", "departments", "research", "proposals", "duty"]],
  ["content", ["news", "events", "registrations", "cases", "opinions"]],
  ["system", ["directory", "settings", "users", "stats", "notifications", "audit"]],
  // Last: the console opens on the first page of the first section (consoleHomeFor).
  ["mine", ["messages"]],
] as const;

export type ConsoleSection = (typeof consoleSections)[number][0];
export type ConsolePage = (typeof consoleSections)[number][1][number];

/** What opens each page: the navigation shows a link only to a user who may. */
export const consolePagePermission = {
  // The dashboard is the note queue's: the security and audit administrators have none.
  dashboard: "note.review",
  notes: "note.review",
  departments: "department.manage",
  research: "research.manage",
  proposals: "proposal.manage",
  duty: "duty.list",
  news: "article.create",
  events: "event.create",
  registrations: "registration.view",
  cases: "case.publish",
  opinions: "opinion.moderate",
  directory: "directory.manage",
  settings: "settings.manage",
  users: "user.manage",
  stats: "stats.view",
  notifications: "notification.manage",
  audit: "audit.view",
  // Every staff role has a message centre.
  messages: "console.enter",
} as const satisfies Record<ConsolePage, PermissionAction>;

export function consoleHref(page: ConsolePage): string {
  return page === "dashboard" ? "/admin" : `/admin/${page}`;
}

/** The sections and pages `user` may open (empty sections left out). */
export function consoleNavFor(
  user: SessionUser,
): { section: ConsoleSection; pages: { page: ConsolePage; href: string }[] }[] {
  return consoleSections
    .map(([section, pages]) => ({
      section,
      pages: pages
        .filter((page) => can(user, consolePagePermission[page]))
        .map((page) => ({ page, href: consoleHref(page) })),
    }))
    .filter((s) => s.pages.length > 0);
}

/** Where the console opens for `user`: their first page (null: no console for them). */
export function consoleHomeFor(user: SessionUser): string | null {
  return consoleNavFor(user)[0]?.pages[0]?.href ?? null;
}
