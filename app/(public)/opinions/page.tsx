import type { Metadata } from "next";
import { connection } from "next/server";
import { OpinionTopic } from "@/components/opinions/opinion-topic";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getPublicOpinionsPage } from "@/db/queries/opinions/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { OpinionFormSection } from "./_components/form-section";

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
  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <Breadcrumbs trail={[{ label: m.title }]} />
        <h1 className="mt-3 font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{m.title}</h1>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">{m.intro}</p>
      </header>
      {topics.length === 0 ? (
        <p className="py-10 text-center text-muted">{m.noTopics}</p>
      ) : (
        // The form comes first (what most visitors came for); wide screens show it on the right.
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <OpinionFormSection
            topics={topics}
            chosen={topics.find((t) => t.slug === params.topic)}
            submitted={params.submitted === "1"}
          />
          <section
            aria-labelledby="topics-title"
            className="space-y-6 lg:col-start-1 lg:row-start-1"
          >
            <h2 id="topics-title" className="font-serif text-xl font-bold text-brand-800">
              {m.topicsTitle}
            </h2>
            {topics.map((topic) => (
              <OpinionTopic
                key={topic.id}
                topic={topic}
                opinions={opinions.filter((o) => o.topicId === topic.id)}
                total={totals.get(topic.id) ?? 0}
                timeZone={committee.timeZone}
              />
            ))}
          </section>
        </div>
      )}
    </div>
  );
}
