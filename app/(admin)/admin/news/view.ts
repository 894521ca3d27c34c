import type { ArticleForEdit, ArticleFormOptions } from "@/db/queries/news/staff";
import { compactDateTime, idStrings, toLocalInput, toOptions } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsErrorNotice } from "@/lib/messages/cms/gate";
import type { ArticleFormValues } from "@/lib/news/schema";
import { localDateKey } from "@/lib/time";

const m = cmsMessages.news;

/** The editor's select options, events labelled with their local date. */
export function articleOptions(options: ArticleFormOptions, timeZone: string) {
  return {
    columns: toOptions(options.columns),
    sectors: toOptions(options.sectors),
    events: options.events.map((e) => ({
      value: String(e.id),
      label: `${localDateKey(e.startsAt, timeZone)} ${e.title}`,
    })),
  };
}

/** A saved article as the editor's form holds it. */
export function articleFormValues(article: ArticleForEdit, timeZone: string): ArticleFormValues {
  return {
    title: article.title,
    slug: article.slug,
    columnId: String(article.columnId),
    summary: article.summary,
    body: article.body,
    reporter: article.reporter,
    correspondent: article.correspondent,
    coverCredit: article.coverCredit,
    eventId: article.eventId === null ? "" : String(article.eventId),
    status: article.status,
    publishedAt: toLocalInput(article.publishedAt, timeZone),
    removeCover: "",
    cover: "",
    sectorIds: idStrings(article.sectorIds),
  };
}

/** Draft, scheduled (published, due later) or published (on the site now). */
export function articleState(article: Pick<ArticleForEdit, "status" | "publishedAt">) {
  if (article.status !== "published") return "draft" as const;
  return article.publishedAt !== null && article.publishedAt.getTime() > Date.now()
    ? ("scheduled" as const)
    : ("published" as const);
}

/** The notice after a redirect from the editor's actions (`?done=` / `?error=`). */
export function editorNotices(
  query: Record<string, string | string[] | undefined>,
  publishedAt: Date | null,
  timeZone: string,
): { done: string | null; error: string | null } {
  const done =
    query.done === "published"
      ? m.published
      : query.done === "scheduled"
        ? m.scheduled(compactDateTime(publishedAt, timeZone))
        : query.done === "unpublished"
          ? m.unpublished
          : query.done === "saved"
            ? m.saved
            : null;
  return { done, error: cmsErrorNotice(query.error) };
}
