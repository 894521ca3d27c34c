import type { ReactNode } from "react";
import { DisclosureCloser } from "./disclosure-closer";

/**
 * A menu that folds away on a narrow screen: a native <details>, so it opens without
 * JavaScript, by keyboard (Enter or Space on its button) and tells screen readers whether
 * it is open. With JavaScript it also closes when one of its links is followed (the
 * header stays mounted across client-side navigations), on Escape (focus goes back to its
 * button) and on a click elsewhere on the page: DisclosureCloser, the only part that goes
 * to the browser as a client component (the markup and the icon are rendered here, on the
 * server when a server component uses the menu).
 */
export function DisclosureMenu({
  label,
  className,
  summaryClassName,
  panelClassName,
  children,
}: {
  /** What the button shows (and what a screen reader calls it). */
  label: ReactNode;
  className?: string;
  summaryClassName?: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  return (
    <details className={className}>
      <summary
        className={`cursor-pointer list-none [&::-webkit-details-marker]:hidden ${summaryClassName ?? ""}`}
      >
        <MenuIcon />
        {label}
      </summary>
      <div className={panelClassName}>{children}</div>
      <DisclosureCloser />
    </details>
  );
}

/** Three bars: the sign people know for "menu". */
function MenuIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      className="h-[1.25em] w-[1.25em] shrink-0"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <path d="M4 6.5h16M4 12h16M4 17.5h16" />
    </svg>
  );
}
