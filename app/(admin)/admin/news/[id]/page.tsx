import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Notice, PageHeader } from "@/components/admin/kit";
import { buttonClass } from "@/components/admin/kit/fields";
import { ArticleForm } from "@/components/news/admin/article-form";
import { UnpublishPanel } from "@/components/news/admin/unpublish-panel";
import { getArticleForEdit, getArticleFormOptions } from "@/db/queries/news/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { compactDateTime } from "@/lib/format";
import { idParam } from "@/lib/list-params";
import { cmsMessages } from "@/lib/messages/cms";
import { fileHref } from "@/lib/news/rules";
import { requireStaff } from "@/server/action";
import { saveArticleAction, unpublishArticleAction } from "../actions";
import { uploadArticleImageAction } from "../image-actions";
import { articleFormValues, articleOptions, articleState, editorNotices } from "../view";

const m = cmsMessages.news;

export const metadata: Metadata = { title: m.editTitle, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireStaff("article.create", `/admin/news/${raw}`);
  const id = idParam(raw) ?? notFound();
  const { article, cover } = (await getArticleForEdit(user, id)) ?? notFound();
  const [options, committee, query] = await Promise.all([
    getArticleFormOptions(user, article),
    getCommitteeInfo(),
    searchParams,
  ]);
  const tz = committee.timeZone;
  const state = articleState(article);
  const notices = editorNotices(query, article.publishedAt, tz);
  return (
    <div>
      <PageHeader
        title={m.editTitle}
        back={{ href: "/admin/news", label: cmsMessages.common.back }}
        actions={
          state === "published" ? (
            <Link href={`/news/${article.slug}`} className={buttonClass.quiet}>
              {m.viewPublic}
            </Link>
          ) : undefined
        }
      />
      <Notice>{notices.done}</Notice>
      {notices.error && <Notice tone="error">{notices.error}</Notice>}
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={state === "published" ? "good" : state === "scheduled" ? "info" : "neutral"}>
          {m.status[state]}
        </Badge>
        <span>{cmsMessages.common.lastUpdated(compactDateTime(article.updatedAt, tz))}</span>
      </p>
      <ArticleForm
        action={saveArticleAction}
        uploadImage={uploadArticleImageAction}
        id={article.id}
        initial={articleFormValues(article, tz)}
        updatedAt={article.updatedAt.toISOString()}
        slugLocked={article.status === "published"}
        cover={cover ? { src: fileHref(cover.id), alt: m.fields.coverCurrent } : null}
        {...articleOptions(options, tz)}
        permalink={`/admin/news/${article.id}`}
      />
      {article.status === "published" && (
        <UnpublishPanel articleId={article.id} action={unpublishArticleAction} />
      )}
    </div>
  );
}
