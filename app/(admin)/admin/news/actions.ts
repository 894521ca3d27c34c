"use server";

import { redirect } from "next/navigation";
import { readFormValues } from "@/components/admin/content/form-state";
import { actorOf, messageForError, requireStaff } from "@/components/admin/content/staff";
import {
  CmsError,
  type EncodedImage,
  MAX_IMAGE_BYTES,
  reencodeImage,
} from "@/db/queries/admin-content";
import { saveArticle, unpublishArticle } from "@/db/queries/admin-news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { renderMarkdown } from "@/lib/markdown";
import { cmsMessages } from "@/lib/messages/cms";
import {
  type ArticleFormState,
  articleListFields,
  articleTextFields,
  parseArticleForm,
} from "./schema";

const m = cmsMessages;

function idFrom(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/**
 * Saves (or previews) an article. Order: who (staff who may write news), what (zod),
 * may they (the query checks scope before and after the change, in its transaction),
 * run, refresh the public pages, go to the editor with a notice. A refusal returns the
 * form as typed with the messages; nothing is saved.
 */
export async function saveArticleAction(
  _previous: ArticleFormState,
  formData: FormData,
): Promise<ArticleFormState> {
  const user = await requireStaff("article.create");
  const id = idFrom(formData.get("id"));
  const values = readFormValues(formData, articleTextFields, articleListFields);
  const refuse = (
    message: string,
    fieldErrors: ArticleFormState["fieldErrors"] = {},
  ): ArticleFormState => ({
    values,
    fieldErrors,
    message,
    tone: "error",
  });

  const { timeZone } = await getCommitteeInfo();
  const parsed = parseArticleForm(values, timeZone);

  if (formData.get("intent") === "preview") {
    // A preview renders what is there; mistakes are reported when saving.
    return {
      values,
      fieldErrors: {},
      message: null,
      result: {
        preview: renderMarkdown(parsed.ok ? parsed.data.body : values.body, { topHeadingLevel: 3 }),
      },
    };
  }
  if (!parsed.ok) return refuse(m.common.errorSummary, parsed.fieldErrors);

  // The cover: decoded and re-encoded only once everything else is valid.
  let cover: { upload: EncodedImage } | { remove: true } | { keep: true } = parsed.data.removeCover
    ? { remove: true }
    : { keep: true };
  const file = formData.get("cover");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMAGE_BYTES) {
      return refuse(m.errors.image_too_large, {
        cover: `${m.errors.image_too_large}${m.news.fields.coverAgain}`,
      });
    }
    try {
      cover = { upload: await reencodeImage(new Uint8Array(await file.arrayBuffer())) };
    } catch (error) {
      const message = error instanceof CmsError ? m.errors[error.code] : m.errors.bad_image;
      return refuse(message, { cover: `${message}${m.news.fields.coverAgain}` });
    }
  }

  const updatedAt = formData.get("updatedAt");
  const { removeCover: _removeCover, cover: _file, ...data } = parsed.data;
  let saved: { id: number; published: boolean };
  try {
    saved = await saveArticle(
      await actorOf(user),
      id,
      {
        ...data,
        cover,
        expectedUpdatedAt: typeof updatedAt === "string" && updatedAt ? new Date(updatedAt) : null,
      },
      timeZone,
    );
  } catch (error) {
    const message = messageForError(error, "article save");
    const field = error instanceof CmsError ? error.field : undefined;
    return refuse(message, field && field in values ? { [field]: message } : {});
  }
  const scheduled =
    data.status === "published" && data.publishedAt && data.publishedAt > new Date();
  redirect(
    `/admin/news/${saved.id}?done=${saved.published ? (scheduled ? "scheduled" : "published") : "saved"}`,
  );
}

/** Takes a published article off the site (a plain form post from the editor's side panel). */
export async function unpublishArticleAction(formData: FormData): Promise<void> {
  const user = await requireStaff("article.publish");
  const id = idFrom(formData.get("id"));
  if (id === null) redirect("/admin/news");
  try {
    await unpublishArticle(await actorOf(user), id);
  } catch (error) {
    const code = error instanceof CmsError ? error.code : "unexpected";
    if (code === "unexpected") console.error("[cms] unpublish failed:", error);
    redirect(`/admin/news/${id}?error=${code}`);
  }
  redirect(`/admin/news/${id}?done=unpublished`);
}
