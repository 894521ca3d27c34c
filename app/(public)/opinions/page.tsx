import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NewsBreadcrumbs } from "@/components/news/breadcrumbs";
import { getPublicOpinionsPage } from "@/db/queries/opinions";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { formatDate, localDateKey } from "@/lib/time";
import { OpinionForm } from "./opinion-form";
import { emptyOpinionValues, OPINION_HONEYPOT } from "./schema";

const m = cmsMessages.opinions;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const committee = await getCommitteeInfo();
  return { title: m.title, description: `${committee.name}${m.intro}` };
}

/**
 * /opinions: the topics open for opinions, the form, and the approved opinions under each
 * topic (names masked, contacts never shown). ?topic=slug preselects a topic;
 * ?submitted=1 says the last opinion arrived.
 */
export default async function OpinionsPage({ searchParams }: Props) {
  await connection();
  const [{ topics, opinions, totals }, committee, params] = await Promise.all([
    getPublicOpinionsPage(),
    getCommitteeInfo(),
    searchParams,
  ]);
  const tz = committee.timeZone;
  const submitted = params.submitted === "1";
  const chosen = topics.find((t) => t.slug === params.topic);

  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <NewsBreadcrumbs trail={[{ label: m.title }]} />
        <h1 className="mt-3 font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{m.title}</h1>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">{m.intro}</p>
      </header>

      {topics.length === 0 ? (
        <p className="py-10 text-center text-muted">{m.noTopics}</p>
      ) : (
        // The form comes first (what most visitors came for); wide screens show it on the right.
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <section
            id="opinion-form"
            aria-labelledby="opinion-form-title"
            className="h-fit rounded-md border-t-4 border-brand-700 bg-white p-4 shadow-sm sm:p-5 lg:col-start-2 lg:row-start-1"
          >
            <h2
              id="opinion-form-title"
              className="mb-3 font-serif text-xl font-bold text-brand-800"
            >
              {m.formTitle}
            </h2>
            {submitted && (
              <div
                role="status"
                className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900"
              >
                <p className="font-semibold">{m.submitted}</p>
                <p className="mt-1 text-sm">{m.submittedDetail}</p>
              </div>
            )}
            <OpinionForm
              topics={topics.map((t) => ({ value: String(t.id), label: t.name }))}
              initial={{ ...emptyOpinionValues, topicId: chosen ? String(chosen.id) : "" }}
              honeypotName={OPINION_HONEYPOT}
              text={{
                required: cmsMessages.common.required,
                optional: cmsMessages.common.optional,
                ...m.fields,
                submit: m.submit,
                submitting: m.submitting,
              }}
            />
          </section>

          <section
            aria-labelledby="topics-title"
            className="space-y-6 lg:col-start-1 lg:row-start-1"
          >
            <h2 id="topics-title" className="font-serif text-xl font-bold text-brand-800">
              {m.topicsTitle}
            </h2>
            {topics.map((topic) => {
              const mine = opinions.filter((o) => o.topicId === topic.id);
              return (
                <article
                  key={topic.id}
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
                    {m.approvedTitle(totals.get(topic.id) ?? 0)}
                  </h4>
                  {mine.length === 0 ? (
                    <p className="mt-1 text-sm text-muted">{m.noneApproved}</p>
                  ) : (
                    <ul className="mt-2 space-y-3">
                      {mine.map((o) => (
                        <li key={o.id} className="rounded bg-paper p-3">
                          <p className="whitespace-pre-line text-[15px] leading-relaxed">
                            <span className="font-semibold">{m.said(o.nameMasked)}</span>
                            {o.body}
                          </p>
                          <p className="mt-1 text-xs text-muted">
                            <time dateTime={localDateKey(o.createdAt, tz)}>
                              {formatDate(o.createdAt, tz)}
                            </time>
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </article>
              );
            })}
          </section>
        </div>
      )}
    </div>
  );
}
