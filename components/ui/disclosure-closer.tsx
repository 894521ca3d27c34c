"use client";

import { useEffect, useRef } from "react";

/**
 * The script half of DisclosureMenu: closes its <details> when one of its links is
 * followed (the header stays mounted across client-side navigations), on Escape (focus
 * goes back to the button) and on a click elsewhere on the page. Renders an empty hidden
 * span inside the <details> to find it by; the menu itself is drawn on the server.
 */
export function DisclosureCloser() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const details = ref.current?.closest("details");
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
  return <span ref={ref} hidden />;
}
