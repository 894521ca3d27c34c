import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/kit";
import { ArticleForm } from "@/components/news/admin/article-form";
import { getArticleFormOptions } from "@/db/queries/news/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyArticleValues } from "@/lib/news/schema";
import { requireStaff } from "@/server/action";
import { saveArticleAction } from "../actions";
import { uploadArticleImageAction } from "../image-actions";
import { articleOptions } from "../view";

const m = cmsMessages.news;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function NewArticlePage() {
  const user = await requireStaff("article.create", "/admin/news/new");
  const [options, committee] = await Promise.all([getArticleFormOptions(user), getCommitteeInfo()]);
  const choices = articleOptions(options, committee.timeZone);
  return (
    <div>
      <PageHeader
        title={m.newTitle}
        back={{ href: "/admin/news", label: cmsMessages.common.back }}
      />
      <ArticleForm
        action={saveArticleAction}
        uploadImage={uploadArticleImageAction}
        id={null}
        initial={{ ...emptyArticleValues, columnId: choices.columns[0]?.value ?? "" }}
        updatedAt={null}
        slugLocked={false}
        cover={null}
        {...choices}
        permalink="/admin/news/new"
      />
    </div>
  );
}
