import type { ReactNode } from "react";

/** A console page's title, a line on what it is for, and its main actions on the right. */
export function PageHeader({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="mb-5 flex flex-wrap items-end justify-between gap-3 border-b border-stone-200 pb-4">
      <div className="min-w-0">
        {children}
        <h1 className="font-serif text-2xl font-bold text-ink sm:text-[1.7rem]">{title}</h1>
        {intro && <p className="mt-1 text-[15px] text-muted">{intro}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2 print:hidden">{actions}</div>}
    </header>
  );
}
