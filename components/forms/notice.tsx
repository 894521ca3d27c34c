import type { ReactNode, Ref } from "react";

/**
 * A form's one-line answer in a box: a status when it went through, an alert when it was
 * refused. No hooks and no words, so server pages and client forms draw the same box; a
 * form that takes the reader to it passes `ref` and `tabIndex={-1}`.
 */
export function Notice({
  ok,
  ref,
  tabIndex,
  children,
}: {
  /** It went through (a status); otherwise an alert. */
  ok: boolean;
  ref?: Ref<HTMLParagraphElement>;
  tabIndex?: number;
  children: ReactNode;
}) {
  return (
    <p
      ref={ref}
      tabIndex={tabIndex}
      role={ok ? "status" : "alert"}
      className={
        ok
          ? "rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-emerald-900"
          : "rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
      }
    >
      {children}
    </p>
  );
}
