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
      <div className="site-masthead">
        <div className="site-masthead-row">
          <Link href="/" className="site-brand">
            <Emblem />
            <span className="flex flex-col leading-tight">
              <span className="site-name">{shortName}</span>
              <span className="site-subname">
                {committeeName}
                <span aria-hidden="true"> · </span>
                {messages.site.product}
              </span>
            </span>
          </Link>
          <div className="site-tools">
            <SearchBox />
            <ElderToggle elder={elder} />
          </div>
        </div>
      </div>
      <nav aria-label={messages.site.mainNav} className="site-nav">
        <div className="site-nav-row">
          {/*
            One list of the sections, rendered once: on a narrower screen it folds behind 菜单
            (a native <details>); a desktop has room for all of them in one bar, so there the
            button is hidden and the folded part is shown anyway (::details-content; the
            `unfolded:` variant, app/globals.css). A browser that cannot style
            ::details-content keeps the 菜单 button at every width.
          */}
          <DisclosureMenu
            label={messages.site.menu}
            className="site-menu"
            summaryClassName="site-menu-button"
            panelClassName="site-menu-panel"
          >
            <ul className="site-nav-list">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="site-nav-link">
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
    <Link href="/login" className="site-login">
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
    <div className="site-account">
      {user.messages ? <MessagesLink {...user.messages} compact /> : null}
      <Link href={user.homeHref} className="site-account-link">
        <span>{m.myArea}</span>
        <span className="site-account-name">{user.displayName}</span>
      </Link>
      <div className="hidden xl:block">
        <LogoutButton label={m.signOut} className="site-signout" />
      </div>
    </div>
  );
}

/** In the phone menu: who is signed in, and the sign-out button (the desktop bar has both). */
function AccountMenuPart({ user }: { user: HeaderUser }) {
  const m = messages.auth.header;
  return (
    <div className="site-account-menu">
      <span className="font-medium">{user.displayName}</span>
      <LogoutButton label={m.signOut} className="site-account-menu-signout" />
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
    <svg viewBox="0 0 48 48" className="site-emblem" aria-hidden="true" focusable="false">
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
    <search className="site-search">
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
          className="site-search-input"
        />
        <button type="submit" className="site-search-button">
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
        className="site-elder-toggle"
      >
        {elder ? m.elderOff : m.elderOn}
      </button>
    </form>
  );
}
