import Link from "next/link";
import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";

/**
 * THE page header: the page's one h1, a line on what the page is for, its main actions on
 * the right, and either a back link (console pages) or a breadcrumb trail (public pages,
 * which also take the public look: a brand rule under the header). `children` follow the
 * intro (filters, a count).
 */
export function PageHeader({
  title,
  intro,
  actions,
  back,
  trail,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
  back?: { href: string; label: string };
  /** Public pages: 首页 › … › this page. */
  trail?: Crumb[];
  children?: ReactNode;
}) {
  if (trail) {
    return (
      <header className="border-b-2 border-brand-600 pb-5">
        <Breadcrumbs trail={trail} />
        <h1 className="mt-3 font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{title}</h1>
        {intro && <p className="mt-2 max-w-3xl text-[15px] text-muted">{intro}</p>}
        {children}
      </header>
    );
  }
  return (
    <header className="mb-6 border-b border-stone-300 pb-4">
      {back && (
        <p className="mb-2 text-sm">
          <Link href={back.href} className="text-brand-700 hover:underline">
            <span aria-hidden="true">‹ </span>
            {back.label}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{title}</h1>
        {actions && <div className="flex flex-wrap gap-2 print:hidden">{actions}</div>}
      </div>
      {intro && <p className="mt-2 max-w-3xl text-[15px] text-muted">{intro}</p>}
      {children}
    </header>
  );
}
