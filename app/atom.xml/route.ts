import { listFeedArticles, listNewsColumns } from "@/db/queries/news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import { feedResponse, notFoundText, renderNewsFeed } from "@/lib/news";

/** Atom: the newest articles of the whole site, or of one column with ?column=slug. */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get("column");
  const columns = await listNewsColumns();
  const column = slug ? columns.find((c) => c.slug === slug) : null;
  if (column === undefined) return notFoundText(messages.newsPages.feed.unknownColumn);
  const [{ articles, asOf }, committee] = await Promise.all([
    listFeedArticles(column?.id ?? null),
    getCommitteeInfo(),
  ]);
  const xml = renderNewsFeed({
    format: "atom",
    siteUrl: env.SITE_URL,
    siteName: committee.shortName,
    committeeName: committee.name,
    column,
    articles,
    asOf,
  });
  return feedResponse(request, xml, "application/atom+xml; charset=utf-8");
}
