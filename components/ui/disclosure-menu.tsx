"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A menu that folds away on a narrow screen: a native <details>, so it opens without
 * JavaScript, by keyboard (Enter or Space on its button) and tells screen readers whether
 * it is open. With JavaScript it also closes when one of its links is followed (the
 * header stays mounted across client-side navigations), on Escape (focus goes back to its
 * button) and on a click elsewhere on the page.
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
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (focusButton: boolean) => {
      if (!details.open) return;
      details.open = false;
      if (focusButton) details.querySelector("summary")?.focus();
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      if (!target) return;
      if (!details.contains(target)) close(false);
      else if (target.closest("a")) close(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && details.open) close(details.contains(document.activeElement));
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <details ref={ref} className={className}>
      <summary
        className={`cursor-pointer list-none [&::-webkit-details-marker]:hidden ${summaryClassName ?? ""}`}
      >
        <MenuIcon />
        {label}
      </summary>
      <div className={panelClassName}>{children}</div>
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
