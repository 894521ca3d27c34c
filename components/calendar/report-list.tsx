import Link from "next/link";
import type { EventReport } from "@/db/queries/news/event-reports";
import { formatDate, localDateKey } from "@/lib/time";

/** News reports of events, linking to the articles. */
export function ReportList({ reports, timeZone }: { reports: EventReport[]; timeZone: string }) {
  return (
    <ul className="divide-y divide-stone-200">
      {reports.map((report) => (
        <li key={report.slug} className="py-3 first:pt-0 last:pb-0">
          <article>
            <h3 className="font-semibold leading-snug">
              <Link href={`/news/${report.slug}`} className="hover:text-brand-700 hover:underline">
                {report.title}
              </Link>
            </h3>
            <p className="mt-0.5 text-xs text-muted">
              <time dateTime={localDateKey(report.publishedAt, timeZone)}>
                {formatDate(report.publishedAt, timeZone)}
              </time>
            </p>
            {report.summary && (
              <p className="mt-1 line-clamp-2 text-sm text-muted">{report.summary}</p>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
