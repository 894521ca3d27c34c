import { Pagination as PageLinks } from "@/components/ui/pagination";
import { messages } from "@/lib/messages";
import { newsListHref } from "@/lib/news";

/** The news list's pages, within its column. */
export function Pagination({
  column,
  page,
  pages,
}: {
  column: string | null;
  page: number;
  pages: number;
}) {
  return (
    <PageLinks
      page={page}
      pages={pages}
      hrefFor={(n) => newsListHref(column, n)}
      labels={messages.newsPages.pagination}
    />
  );
}
