import { newsFeedResponse } from "@/server/news/feed";

/** Atom: the newest articles of the whole site, or of one column with ?column=slug. */
export async function GET(request: Request) {
  return newsFeedResponse(request, "atom");
}
