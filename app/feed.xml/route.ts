import { newsFeedResponse } from "@/server/news/feed";

/** RSS 2.0: the newest articles of the whole site, or of one column with ?column=slug. */
export async function GET(request: Request) {
  return newsFeedResponse(request, "rss");
}
