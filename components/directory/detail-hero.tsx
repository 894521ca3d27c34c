import { Breadcrumbs, type Crumb } from "@/components/ui/breadcrumbs";

/**
 * The head of a sector or studio page, in the look of the home page's campaign
 * banner: name and description on the left, figures or facts (`aside`) on the right.
 */
export function DetailHero({
  trail,
  badge,
  title,
  description,
  aside,
  children,
}: {
  trail: Crumb[];
  badge: string;
  title: string;
  description: string;
  aside?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <header className="space-y-4">
      <Breadcrumbs trail={trail} />
      <div className="rounded-lg border border-gold-200 bg-gradient-to-br from-gold-100 via-white to-brand-50 p-5 shadow-sm sm:p-8">
        <div className="flex flex-col gap-6 lg:flex-row lg:items-end lg:justify-between">
          <div className="max-w-2xl">
            <p className="inline-block rounded-full bg-brand-600 px-3 py-0.5 text-sm font-medium text-white">
              {badge}
            </p>
            <h1 className="mt-3 font-serif text-2xl font-bold leading-snug text-brand-800 sm:text-3xl">
              {title}
            </h1>
            {description && <p className="mt-2 text-[15px] text-ink">{description}</p>}
            {children}
          </div>
          {aside}
        </div>
      </div>
    </header>
  );
}

export interface HeroFigure {
  value: number;
  label: string;
}

/** Big numbers for the hero's right side. */
export function HeroFigures({ figures }: { figures: HeroFigure[] }) {
  return (
    <dl className="grid shrink-0 grid-cols-2 gap-3 text-center lg:min-w-72">
      {figures.map((f) => (
        <div
          key={f.label}
          className="flex flex-col-reverse rounded-md bg-white/80 px-2 py-3 shadow-sm ring-1 ring-gold-200"
        >
          <dt className="text-xs text-muted sm:text-sm">{f.label}</dt>
          <dd className="font-serif text-3xl font-bold text-brand-700">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
