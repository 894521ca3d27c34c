import type { Metadata } from "next";
import { ArticleForm } from "@/components/admin/content/article-form";
import { AdminPageHeader } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { getArticleFormOptions } from "@/db/queries/admin-news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyArticleValues } from "../schema";
import { articleOptions } from "../view";

const m = cmsMessages.news;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function NewArticlePage() {
  await requireStaff("article.create", { next: "/admin/news/new" });
  const [options, committee] = await Promise.all([getArticleFormOptions(), getCommitteeInfo()]);
  const choices = articleOptions(options, committee.timeZone);
  return (
    <div>
      <AdminPageHeader
        title={m.newTitle}
        back={{ href: "/admin/news", label: cmsMessages.common.back }}
      />
      <ArticleForm
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
