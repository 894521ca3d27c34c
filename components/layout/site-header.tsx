import Link from "next/link";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
import { LogoutButton } from "@/components/ui/logout-button";
import type { HeaderUser } from "@/lib/auth/types";
import { messages } from "@/lib/messages";
import { inboxMessages } from "@/lib/messages/notifications";

/** Who is signed in, as the header shows it (from getCurrentUser(); null when nobody). */

const NAV = [
  { href: "/", label: messages.nav.home },
  { href: "/news", label: messages.nav.news },
  { href: "/events", label: messages.nav.events },
  { href: "/sectors", label: messages.nav.sectors },
  { href: "/studios", label: messages.nav.studios },
  { href: "/towns", label: messages.nav.towns },
  { href: "/cases", label: messages.nav.cases },
  { href: "/opinions", label: messages.nav.opinions },
  { href: "/stats", label: messages.nav.stats },
] as const;

export function SiteHeader({
  committeeName,
  shortName,
  elder,
  user = null,
}: {
  committeeName: string;
  shortName: string;
  elder: boolean;
  user?: HeaderUser | null;
}) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="bg-gradient-to-b from-brand-800 to-brand-700">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-4 px-4 py-5 sm:py-7">
          <Link href="/" className="flex items-center gap-3 sm:gap-4">
            <Emblem />
            <span className="flex flex-col leading-tight">
              <span className="font-serif text-2xl font-bold tracking-wider sm:text-3xl">
                {shortName}
              </span>
              <span className="mt-1 text-xs text-brand-100 sm:text-sm">
                {committeeName}
                <span aria-hidden="true"> · </span>
                {messages.site.product}
              </span>
            </span>
          </Link>
          <div className="flex w-full items-center gap-2 sm:w-auto">
            <SearchBox />
            <ElderToggle elder={elder} />
          </div>
        </div>
      </div>
      <nav
        aria-label={messages.site.mainNav}
        className="relative border-t border-white/15 bg-brand-800"
      >
        <div className="mx-auto flex max-w-6xl items-stretch px-2 sm:px-4">
          {/*
            One list of the sections, rendered once: on a narrower screen it folds behind 菜单
            (a native <details>); a desktop has room for all of them in one bar, so there the
            button is hidden and the folded part is shown anyway (::details-content; the
            `unfolded:` variant, app/globals.css). A browser that cannot style
            ::details-content keeps the 菜单 button at every width.
          */}
          <DisclosureMenu
            label={messages.site.menu}
            className="flex-1 unfolded:[&::details-content]:[content-visibility:visible]"
            summaryClassName="inline-flex items-center gap-2 px-3 py-3 font-medium hover:bg-brand-900 unfolded:hidden"
            panelClassName="absolute inset-x-0 top-full z-40 border-t border-white/15 bg-brand-800 shadow-lg unfolded:static unfolded:border-0 unfolded:bg-transparent unfolded:shadow-none"
          >
            <ul className="mx-auto grid max-w-6xl grid-cols-2 gap-1 px-2 py-2 text-base sm:grid-cols-3 sm:px-4 unfolded:mx-0 unfolded:flex unfolded:max-w-none unfolded:flex-wrap unfolded:gap-0 unfolded:p-0">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="block rounded px-3 py-2.5 font-medium hover:bg-brand-900 unfolded:rounded-none unfolded:py-3"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
            {user ? <AccountMenuPart user={user} /> : null}
          </DisclosureMenu>
          {user ? <AccountLinks user={user} /> : <LoginLink />}
        </div>
      </nav>
    </header>
  );
}

function LoginLink() {
  return (
    <Link
      href="/login"
      className="my-2 ml-2 flex shrink-0 items-center whitespace-nowrap rounded border border-gold-200/70 px-3 text-sm text-gold-100 hover:bg-brand-900"
    >
      {messages.nav.login}
    </Link>
  );
}

/**
 * Signed in: the message centre, "我的履职" with the person's name, and a sign-out button
 * (a plain POST, so it works without JavaScript; /logout refuses posts from other sites).
 * Below the desktop width only the envelope and "我的履职" stay in the bar: the name and
 * the sign-out button are in the menu (AccountMenuPart), so the bar never crowds.
 */
function AccountLinks({ user }: { user: HeaderUser }) {
  const m = messages.auth.header;
  return (
    <div className="my-2 ml-2 flex shrink-0 items-center gap-1 text-sm">
      {user.messages ? <MessagesLink {...user.messages} compact /> : null}
      <Link
        href={user.homeHref}
        className="flex h-full items-center gap-1 whitespace-nowrap rounded border border-gold-200/70 px-3 py-1 text-gold-100 hover:bg-brand-900"
      >
        <span>{m.myArea}</span>
        <span className="hidden max-w-[6em] truncate font-medium text-white xl:inline">
          {user.displayName}
        </span>
      </Link>
      <div className="hidden xl:block">
        <LogoutButton
          label={m.signOut}
          className="whitespace-nowrap rounded px-2 py-1 text-gold-100 underline-offset-2 hover:bg-brand-900 hover:underline"
        />
      </div>
    </div>
  );
}

/** In the phone menu: who is signed in, and the sign-out button (the desktop bar has both). */
function AccountMenuPart({ user }: { user: HeaderUser }) {
  const m = messages.auth.header;
  return (
    <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 border-t border-white/15 px-5 py-3 sm:px-7 xl:hidden">
      <span className="font-medium">{user.displayName}</span>
      <LogoutButton
        label={m.signOut}
        className="rounded border border-gold-200/70 px-3 py-1 text-gold-100 hover:bg-brand-900"
      />
    </div>
  );
}

/**
 * The message centre, with its unread count (the count in words for screen readers).
 * `compact`: on a phone only the envelope and the count show (the header row is narrow).
 */
export function MessagesLink({
  href,
  unread,
  compact = false,
  className = "text-gold-100 hover:bg-brand-900",
  badgeClassName = "bg-gold-500 text-brand-900",
}: {
  href: string;
  unread: number;
  compact?: boolean;
  className?: string;
  badgeClassName?: string;
}) {
  const m = inboxMessages;
  return (
    <Link
      href={href}
      className={`flex items-center gap-1 whitespace-nowrap rounded px-2 py-1 ${className}`}
    >
      {compact ? <Envelope /> : null}
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>{m.headerLink}</span>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className={`min-w-5 rounded-full px-1.5 text-center text-xs font-bold leading-5 ${badgeClassName}`}
        >
          {m.unreadBadge(unread)}
        </span>
      ) : null}
      <span className="sr-only">{m.unreadSr(unread)}</span>
    </Link>
  );
}

function Envelope() {
  return (
    <svg
      viewBox="0 0 24 24"
      className="h-5 w-5 shrink-0 sm:hidden"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <rect x="3" y="5.5" width="18" height="13" rx="1.5" />
      <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
    </svg>
  );
}

/** A plain mark (not the national emblem): a gold ring with a star, drawn in SVG. */
function Emblem() {
  return (
    <svg
      viewBox="0 0 48 48"
      className="h-11 w-11 shrink-0 sm:h-14 sm:w-14"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="24" cy="24" r="22" fill="#c8962e" />
      <circle cx="24" cy="24" r="18.5" fill="#9a121a" />
      <path
        d="M24 10.5l3.6 8.2 8.9.8-6.7 5.9 2 8.7L24 29.5l-7.8 4.6 2-8.7-6.7-5.9 8.9-.8z"
        fill="#fbf3dc"
      />
    </svg>
  );
}

function SearchBox() {
  const m = messages.site;
  return (
    <search className="min-w-0 flex-1 sm:flex-none">
      <form action="/search" method="get" className="flex">
        <label htmlFor="site-search" className="sr-only">
          {m.searchLabel}
        </label>
        <input
          id="site-search"
          name="q"
          type="search"
          maxLength={50}
          placeholder={m.searchPlaceholder}
          className="w-full min-w-0 rounded-l border border-white/40 bg-white px-3 py-1.5 text-ink placeholder:text-stone-500 sm:w-56"
        />
        <button
          type="submit"
          className="shrink-0 rounded-r bg-gold-500 px-3 py-1.5 font-medium text-brand-900 hover:bg-gold-200"
        >
          {m.searchButton}
        </button>
      </form>
    </search>
  );
}

/** A plain form post: works without JavaScript, remembered in a cookie. */
function ElderToggle({ elder }: { elder: boolean }) {
  const m = messages.site;
  return (
    <form action="/preferences/elder" method="post" className="shrink-0">
      <input type="hidden" name="mode" value={elder ? "off" : "on"} />
      <button
        type="submit"
        title={elder ? m.elderOffHint : m.elderOnHint}
        aria-pressed={elder}
        className="rounded border border-white/50 px-3 py-1.5 text-sm text-white hover:bg-brand-900"
      >
        {elder ? m.elderOff : m.elderOn}
      </button>
    </form>
  );
}
