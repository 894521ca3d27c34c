import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleForm } from "@/components/admin/content/article-form";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime, idStrings, toLocalInput } from "@/components/admin/content/format";
import { AdminPageHeader, Badge, Notice } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import type { CmsError } from "@/db/queries/admin-content";
import { getArticleForEdit, getArticleFormOptions } from "@/db/queries/admin-news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { fileHref } from "@/lib/news";
import { unpublishArticleAction } from "../actions";
import { articleOptions } from "../view";

const m = cmsMessages.news;

export const metadata: Metadata = { title: m.editTitle, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireStaff("article.create", { next: `/admin/news/${raw}` });
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const id = Number(raw);
  const [found, options, committee, query] = await Promise.all([
    getArticleForEdit(user, id),
    getArticleFormOptions(),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!found) notFound();
  const { article, cover } = found;
  const tz = committee.timeZone;
  const published = article.status === "published";
  const scheduled =
    published && article.publishedAt !== null && article.publishedAt.getTime() > Date.now();
  const state = !published ? "draft" : scheduled ? "scheduled" : "published";

  const done = typeof query.done === "string" ? query.done : null;
  const doneText =
    done === "published"
      ? m.published
      : done === "scheduled"
        ? m.scheduled(compactDateTime(article.publishedAt, tz))
        : done === "unpublished"
          ? m.unpublished
          : done === "saved"
            ? m.saved
            : null;
  const errorCode =
    typeof query.error === "string" && query.error in cmsMessages.errors ? query.error : null;

  return (
    <div>
      <AdminPageHeader
        title={m.editTitle}
        back={{ href: "/admin/news", label: cmsMessages.common.back }}
        actions={
          published && !scheduled ? (
            <Link href={`/news/${article.slug}`} className={buttonClass.quiet}>
              {m.viewPublic}
            </Link>
          ) : undefined
        }
      />
      <Notice>{doneText}</Notice>
      {errorCode && (
        <Notice tone="error">{cmsMessages.errors[errorCode as CmsError["code"]]}</Notice>
      )}
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={state === "published" ? "good" : state === "scheduled" ? "info" : "neutral"}>
          {m.status[state]}
        </Badge>
        <span>{cmsMessages.common.lastUpdated(compactDateTime(article.updatedAt, tz))}</span>
      </p>
      <ArticleForm
        id={article.id}
        initial={{
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
          publishedAt: toLocalInput(article.publishedAt, tz),
          removeCover: "",
          cover: "",
          sectorIds: idStrings(article.sectorIds),
        }}
        updatedAt={article.updatedAt.toISOString()}
        slugLocked={published}
        cover={cover ? { src: fileHref(cover.id), alt: m.fields.coverCurrent } : null}
        {...articleOptions(options, tz)}
        permalink={`/admin/news/${article.id}`}
      />
      {published && (
        <section
          aria-labelledby="unpublish-title"
          className="mt-8 rounded-md border border-stone-300 bg-white p-4"
        >
          <h2 id="unpublish-title" className="font-semibold">
            {m.unpublish}
          </h2>
          <p className="mt-1 text-sm text-muted">{m.unpublishHint}</p>
          <form action={unpublishArticleAction} className="mt-3">
            <input type="hidden" name="id" value={article.id} />
            <button type="submit" className={buttonClass.danger}>
              {m.unpublish}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
