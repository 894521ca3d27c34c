"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * 打印: opens the browser's print dialog (the print stylesheet leaves the site's header,
 * navigation and footer off paper). Without JavaScript it says how to print instead.
 */
export function PrintArticleButton({
  label,
  hint,
  noScriptHint,
  className,
}: {
  label: string;
  hint: string;
  noScriptHint: string;
  className: string;
}) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return <span className="text-sm text-muted">{noScriptHint}</span>;
  return (
    <button type="button" onClick={() => window.print()} className={className} title={hint}>
      {label}
    </button>
  );
}
