import Link from "next/link";
import type { OpenTopic, PublicOpinion } from "@/db/queries/opinions/public";
import { cmsMessages } from "@/lib/messages/cms";
import { formatDate, localDateKey } from "@/lib/time";

const m = cmsMessages.opinions;

/** An open topic: what it asks, a link to the form, its approved opinions (names masked). */
export function OpinionTopic({
  topic,
  opinions,
  total,
  timeZone,
}: {
  topic: OpenTopic;
  opinions: PublicOpinion[];
  total: number;
  timeZone: string;
}) {
  return (
    <article
      aria-labelledby={`topic-${topic.id}`}
      className="rounded-md border border-stone-300 bg-white p-4 sm:p-5"
    >
      <h3 id={`topic-${topic.id}`} className="font-serif text-lg font-bold text-ink">
        {topic.name}
      </h3>
      {topic.campaignName && <p className="text-sm text-muted">{topic.campaignName}</p>}
      <p className="mt-2 text-[15px] leading-relaxed">{topic.description}</p>
      <p className="mt-3">
        <Link
          href={`/opinions?topic=${encodeURIComponent(topic.slug)}#opinion-form`}
          className="text-brand-700 hover:underline"
        >
          {m.formTitle}
          <span className="sr-only">：{topic.name}</span>
          <span aria-hidden="true"> ›</span>
        </Link>
      </p>
      <h4 className="mt-4 border-t border-stone-200 pt-3 font-semibold">
        {m.approvedTitle(total)}
      </h4>
      {opinions.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{m.noneApproved}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {opinions.map((o) => (
            <li key={o.id} className="rounded bg-paper p-3">
              <p className="whitespace-pre-line text-[15px] leading-relaxed">
                <span className="font-semibold">{m.said(o.nameMasked)}</span>
                {o.body}
              </p>
              <p className="mt-1 text-xs text-muted">
                <time dateTime={localDateKey(o.createdAt, timeZone)}>
                  {formatDate(o.createdAt, timeZone)}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
