import Link from "next/link";
import { messages } from "@/lib/messages";

/** 首页 › … › the current page (not a link). */
export function Breadcrumb({
  trail,
  current,
}: {
  trail: { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label={messages.calendar.breadcrumb} className="mb-4 text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-1.5">
        {trail.map((item) => (
          <li key={item.href} className="flex items-center gap-x-1.5">
            <Link href={item.href} className="text-brand-700 hover:underline">
              {item.label}
            </Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="min-w-0 truncate">
          {current}
        </li>
      </ol>
    </nav>
  );
}
