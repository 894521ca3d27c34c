import type { ReactNode } from "react";

/** The framed panel every login step sits in. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md">
      <div className="rounded-lg border border-stone-300 bg-white px-5 py-6 shadow-sm sm:px-8 sm:py-8">
        <h1 className="font-serif text-2xl font-bold text-brand-800">{title}</h1>
        {intro && <div className="mt-2 text-muted">{intro}</div>}
        <div className="mt-6">{children}</div>
      </div>
    </div>
  );
}
