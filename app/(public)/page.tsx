import { connection } from "next/server";
import { CampaignBanner } from "@/components/home/campaign-banner";
import { EventList } from "@/components/home/event-list";
import { NewsList } from "@/components/home/news-list";
import { PictureNews } from "@/components/home/picture-news";
import { ServiceStrip } from "@/components/home/service-strip";
import { SectionHeading } from "@/components/ui/section-heading";
import { getHomeEvents } from "@/db/queries/events/home";
import { listLatestArticles } from "@/db/queries/news/cached";
import { listPictureNews } from "@/db/queries/news/picture-news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { localDateKey } from "@/lib/time";

export default async function HomePage() {
  await connection();
  const now = new Date();
  const committee = await getCommitteeInfo();
  const today = localDateKey(now, committee.timeZone);
  const [{ campaign, figures, upcoming }, news, pictures] = await Promise.all([
    getHomeEvents(today, now),
    listLatestArticles(8, now),
    listPictureNews(4, now),
  ]);
  const m = messages.home;

  return (
    <div className="space-y-8 sm:space-y-10">
      <h1 className="sr-only">{committee.name}</h1>
      {pictures.length > 0 && (
        <section aria-labelledby="pictures-title">
          <SectionHeading
            id="pictures-title"
            title={m.pictureNews}
            moreHref="/news"
            moreLabel={m.moreNews}
          />
          <PictureNews items={pictures} timeZone={committee.timeZone} />
        </section>
      )}
      {campaign && figures && (
        <CampaignBanner campaign={campaign} figures={figures} today={today} />
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="news-title">
          <SectionHeading
            id="news-title"
            title={m.latestNews}
            moreHref="/news"
            moreLabel={m.moreNews}
          />
          <NewsList items={news} timeZone={committee.timeZone} emptyText={m.noNews} />
        </section>
        <section aria-labelledby="events-title">
          <SectionHeading
            id="events-title"
            title={m.upcomingEvents}
            moreHref="/events"
            moreLabel={m.calendar}
          />
          <EventList items={upcoming} timeZone={committee.timeZone} emptyText={m.noEvents} />
        </section>
      </div>
      <ServiceStrip />
    </div>
  );
}
