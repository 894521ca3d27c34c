import Link from "next/link";
import { messages } from "@/lib/messages";

export interface Crumb {
  label: string;
  href?: string;
}

/** 首页 › 界别 › 医卫界: where a public page sits; the last crumb is the current page. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const m = messages.directory;
  const crumbs: Crumb[] = [{ label: m.home, href: "/" }, ...trail];
  return (
    <nav aria-label={m.breadcrumb} className="crumbs">
      <ol className="flex flex-wrap items-center gap-x-1.5">
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={`${crumb.href ?? ""}|${crumb.label}`}>
              {crumb.href && !last ? (
                <Link href={crumb.href}>{crumb.label}</Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "text-ink" : ""}>
                  {crumb.label}
                </span>
              )}
              {!last && (
                <span aria-hidden="true" className="text-stone-400">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
