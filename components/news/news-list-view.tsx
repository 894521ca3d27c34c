import { ArticleList } from "@/components/news/article-list";
import { ColumnTabs } from "@/components/news/column-tabs";
import { FeedLinks } from "@/components/news/feed-links";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pager } from "@/components/ui/pager";
import type { NewsColumnItem, NewsListItem } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { NEWS_PAGE_SIZE, newsListHref, pageCount } from "@/lib/news/rules";

/** /news and /news?column=…: the header with its count, the column tabs, a page of articles, the feeds. */
export function NewsListView({
  columns,
  current,
  page,
  items,
  total,
  timeZone,
}: {
  columns: NewsColumnItem[];
  current: NewsColumnItem | null;
  page: number;
  items: NewsListItem[];
  total: number;
  timeZone: string;
}) {
  const m = messages.newsPages;
  const title = current ? current.name : m.title;
  return (
    <div className="space-y-6">
      <header className="border-b-2 border-brand-600 pb-5">
        <Breadcrumbs
          trail={
            current ? [{ label: m.title, href: "/news" }, { label: title }] : [{ label: title }]
          }
        />
        <div className="mt-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{title}</h1>
          <p className="text-sm text-muted">{m.count(total)}</p>
        </div>
        <p className="mt-2 max-w-3xl text-[15px] text-muted">
          {current ? current.description || m.intro : m.intro}
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0">
          <ColumnTabs columns={columns} current={current?.slug ?? null} />
          {items.length === 0 ? (
            <p className="py-10 text-center text-muted">{current ? m.empty : m.emptyAll}</p>
          ) : (
            <ArticleList
              items={items}
              timeZone={timeZone}
              showColumn={!current}
              label={m.listLabel(title)}
            />
          )}
          <Pager
            page={page}
            pages={pageCount(total, NEWS_PAGE_SIZE)}
            hrefFor={(n) => newsListHref(current?.slug ?? null, n)}
            labels={m.pagination}
          />
        </div>
        <aside className="space-y-6">
          <FeedLinks column={current ?? null} />
        </aside>
      </div>
    </div>
  );
}
