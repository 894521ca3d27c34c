import type { ReactNode } from "react";

/**
 * A titled part of a public or member page (a form's box, a receipt's part): a `<section>`
 * named by its `<h2>`. The looks are the caller's; `sectionId` is the section's own id
 * when a link points at it.
 */
export function Panel({
  id,
  title,
  className,
  titleClassName,
  sectionId,
  children,
}: {
  /** The heading's id: the section is named by it. */
  id: string;
  title: ReactNode;
  className?: string;
  titleClassName?: string;
  sectionId?: string;
  children: ReactNode;
}) {
  return (
    <section id={sectionId} aria-labelledby={id} className={className}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
