import Link from "next/link";

export function SectionHeading({
  id,
  title,
  moreHref,
  moreLabel,
}: {
  id: string;
  title: string;
  moreHref?: string;
  moreLabel?: string;
}) {
  return (
    <div className="mb-4 flex items-end justify-between border-b-2 border-brand-600 pb-2">
      <h2 id={id} className="relative font-serif text-xl font-bold text-brand-800 sm:text-2xl">
        {title}
      </h2>
      {moreHref && moreLabel && (
        <Link href={moreHref} className="text-sm text-brand-700 hover:underline">
          {moreLabel}
          <span aria-hidden="true"> ›</span>
        </Link>
      )}
    </div>
  );
}
