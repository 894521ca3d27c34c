"use server";

import { redirect } from "next/navigation";
import { saveArticle, unpublishArticle } from "@/db/queries/news/write";
import { getCommitteeInfo } from "@/db/queries/settings";
import { AppError, isAppError } from "@/lib/errors";
import { type FormState, idFromForm, refusedForm } from "@/lib/form-state";
import type { EncodedImage } from "@/lib/images";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import {
  type ArticleFormState,
  type ArticleFormValues,
  articleListFields,
  articleTextFields,
  type ParsedArticle,
  parseArticleForm,
} from "@/lib/news/schema";
import { renderRichText, richTextFromInput } from "@/lib/rich-text/sanitize";
import { gatedAction } from "@/server/action";
import { MAX_IMAGE_BYTES, reencodeImage } from "@/server/images/reencode";

const m = cmsMessages;

type ArticleSubmission =
  | { intent: "preview"; body: string }
  | {
      intent: "save";
      id: number | null;
      timeZone: string;
      article: ParsedArticle;
      file: File | null;
      expectedUpdatedAt: Date | null;
    };

/** The submitted file of the cover field, when one was chosen. */
function coverFile(formData: FormData): File | null {
  const file = formData.get("cover");
  return file instanceof File && file.size > 0 ? file : null;
}

/** The cover to save: a new upload (decoded and re-encoded), a removal, or no change. */
async function coverOf(
  article: ParsedArticle,
  file: File | null,
): Promise<{ upload: EncodedImage } | { remove: true } | { keep: true }> {
  if (!file) return article.removeCover ? { remove: true } : { keep: true };
  // Refused before the upload is even read.
  if (file.size > MAX_IMAGE_BYTES) throw new AppError("image_too_large", "cover");
  return { upload: await reencodeImage(new Uint8Array(await file.arrayBuffer())) };
}

/**
 * Saves (or previews) an article through the gate: staff who may write news, the form
 * (zod), then the query checks scope before and after the change, in its transaction, and
 * refreshes the public pages. Saved → the editor with a notice; refused → the form as typed.
 */
export async function saveArticleAction(
  _previous: ArticleFormState,
  formData: FormData,
): Promise<ArticleFormState> {
  return gatedAction<ArticleFormValues, ArticleSubmission, { preview?: string }>(formData, {
    label: "article save",
    permission: "article.create",
    onForbidden: "not-found",
    fields: articleTextFields,
    multi: articleListFields,
    errors: cmsGateErrors,
    parse: async (values) => {
      const { timeZone } = await getCommitteeInfo();
      const parsed = parseArticleForm(values, timeZone);
      // A preview renders what is there; mistakes are reported when saving.
      if (formData.get("intent") === "preview") {
        return {
          ok: true,
          data: { intent: "preview", body: parsed.ok ? parsed.data.body : values.body },
        };
      }
      if (!parsed.ok) return parsed;
      const updatedAt = formData.get("updatedAt");
      return {
        ok: true,
        data: {
          intent: "save",
          id: idFromForm(formData, "id"),
          timeZone,
          article: parsed.data,
          file: coverFile(formData),
          expectedUpdatedAt:
            typeof updatedAt === "string" && updatedAt ? new Date(updatedAt) : null,
        },
      };
    },
    run: async (input, actor, values) => {
      if (input.intent === "preview") {
        return {
          status: "idle",
          message: null,
          fieldErrors: {},
          values,
          result: { preview: renderRichText(richTextFromInput(input.body)) },
        } satisfies FormState<ArticleFormValues, { preview?: string }>;
      }
      // The cover: decoded and re-encoded only once everything else is valid.
      let cover: Awaited<ReturnType<typeof coverOf>>;
      try {
        cover = await coverOf(input.article, input.file);
      } catch (error) {
        const message = isAppError(error, "image_too_large")
          ? m.errors.image_too_large
          : m.errors.bad_image;
        return refusedForm(values, message, { cover: `${message}${m.news.fields.coverAgain}` });
      }
      const { removeCover: _removeCover, cover: _file, ...data } = input.article;
      const saved = await saveArticle(
        actor,
        input.id,
        { ...data, cover, expectedUpdatedAt: input.expectedUpdatedAt },
        input.timeZone,
      );
      const scheduled =
        data.status === "published" && data.publishedAt && data.publishedAt > new Date();
      redirect(
        `/admin/news/${saved.id}?done=${saved.published ? (scheduled ? "scheduled" : "published") : "saved"}`,
      );
    },
  });
}

/** Takes a published article off the site (a plain form post from the editor's side panel). */
export async function unpublishArticleAction(formData: FormData): Promise<void> {
  await gatedAction<Record<string, never>, number | null>(formData, {
    label: "article unpublish",
    permission: "article.publish",
    onForbidden: "not-found",
    fields: [],
    errors: cmsGateErrors,
    parse: () => ({ ok: true, data: idFromForm(formData, "id") }),
    run: async (id, actor) => {
      if (id === null) redirect("/admin/news");
      const code = await unpublishArticle(actor, id).then(
        () => null,
        (error: unknown) => errorCode(error, "unpublish"),
      );
      redirect(`/admin/news/${id}?${code ? `error=${code}` : "done=unpublished"}`);
    },
  });
}

/** A refusal's code for the page's notice; anything else is logged and called "unexpected". */
function errorCode(error: unknown, what: string): string {
  if (isAppError(error)) return error.code;
  console.error(`[cms] ${what} failed:`, error);
  return "unexpected";
}
