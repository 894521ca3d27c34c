import { z } from "zod";
import { type FormState, firstIssuePerField } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import {
  block,
  choice,
  idList,
  line,
  localDateTime,
  optionalId,
  requiredId,
  slug,
} from "@/lib/validation";

/** The news editor's form: fields as typed, and what they become. */

const f = cmsMessages.news.fields;

export const articleTextFields = [
  "title",
  "slug",
  "columnId",
  "summary",
  "body",
  "reporter",
  "correspondent",
  "coverCredit",
  "eventId",
  "status",
  "publishedAt",
  "removeCover",
  // The file itself cannot be echoed back; the name carries its message.
  "cover",
] as const;
export const articleListFields = ["sectorIds"] as const;

export type ArticleFormValues = Record<(typeof articleTextFields)[number], string> &
  Record<(typeof articleListFields)[number], string[]>;
export type ArticleField = keyof ArticleFormValues;
export type ArticleFormState = FormState<ArticleFormValues, { preview?: string }>;

export const emptyArticleValues: ArticleFormValues = {
  title: "",
  slug: "",
  columnId: "",
  summary: "",
  body: "",
  reporter: "",
  correspondent: "",
  coverCredit: "",
  eventId: "",
  status: "draft",
  publishedAt: "",
  removeCover: "",
  cover: "",
  sectorIds: [],
};

export function articleSchema(timeZone: string) {
  return z.object({
    title: line(f.title, 100, { required: true }),
    slug: slug({ optional: true }),
    columnId: requiredId(f.column),
    summary: block(f.summary, 200),
    body: block(f.body, 200_000),
    reporter: line(f.reporter, 40),
    correspondent: line(f.correspondent, 40),
    coverCredit: line(f.coverCredit, 60),
    eventId: optionalId(f.event),
    status: choice(["draft", "published"] as const, f.status),
    publishedAt: localDateTime(f.publishedAt, timeZone, { optional: true }),
    removeCover: z.string().transform((v) => v === "on"),
    cover: z.string().optional(),
    sectorIds: idList(f.sectors),
  });
}

export type ParsedArticle = z.infer<ReturnType<typeof articleSchema>>;

const allFields = [...articleTextFields, ...articleListFields] as const;

export function parseArticleForm(
  values: ArticleFormValues,
  timeZone: string,
):
  | { ok: true; data: ParsedArticle }
  | { ok: false; fieldErrors: Partial<Record<ArticleField, string>> } {
  const result = articleSchema(timeZone).safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: firstIssuePerField(result.error.issues, allFields) };
}
