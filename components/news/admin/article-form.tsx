"use client";

import * as kit from "@/components/admin/kit";
import { ArticleBody, articleBodyClass } from "@/components/news/article-body";
import { RichTextEditor } from "@/components/rich-text/rich-text-editor";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import type { ArticleFormState, ArticleFormValues } from "@/lib/news/schema";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";

const { SelectField, TextArea, TextField } = kit;
const m = cmsMessages.news;
const f = m.fields;

type Option = kit.Option;

/** The server action saves (or previews) the article. */
export interface ArticleFormProps extends kit.EditorProps<ArticleFormState, ArticleFormValues> {
  /** The row's updatedAt (ISO) as loaded: a save over a newer one is refused. */
  updatedAt: string | null;
  /** The address of a published article no longer changes. */
  slugLocked: boolean;
  cover: { src: string; alt: string } | null;
  columns: Option[];
  sectors: Option[];
  events: Option[];
  /** Stores a picture placed inside the body (a server action). */
  uploadImage: (formData: FormData) => Promise<InlineImageAnswer>;
}

/**
 * The news editor. Works without JavaScript (a multipart form post to the server action;
 * the page renders the action's state), and keeps everything typed when refused. The
 * body is written in the rich-text editor (a textarea of HTML without JavaScript); the
 * "preview" button renders it on the server, cleaned, without saving.
 */
export function ArticleForm(props: ArticleFormProps) {
  const { field, ...form } = kit.useFormAction(
    props.action,
    idleForm(props.initial) as ArticleFormState,
    { formId: "article", permalink: props.permalink },
  );
  const e = form.state.fieldErrors;
  const id = field.id;
  const preview = form.state.result?.preview;

  return (
    <kit.ConsoleForm
      form={form}
      hidden={{ id: props.id, updatedAt: props.updatedAt }}
      className="space-y-6"
      submit={m.saveDraft}
      intent="save"
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-5">
          <TextField {...field.text("title")} label={f.title} required maxLength={100} />
          <TextField
            {...field.text("slug")}
            label={f.slug}
            optional={!props.slugLocked}
            maxLength={80}
            readOnly={props.slugLocked}
            hint={props.slugLocked ? f.slugLocked : f.slugHint}
          />
          <TextArea
            {...field.text("summary")}
            label={f.summary}
            optional
            rows={3}
            hint={f.summaryHint}
          />
          <RichTextEditor
            {...field.text("body")}
            label={f.body}
            hint={f.bodyHint}
            upload={props.uploadImage}
            contentClassName={articleBodyClass}
          />
          <div>
            <kit.SubmitButton
              pending={form.pending}
              pendingLabel={m.preview}
              tone="secondary"
              name="intent"
              value="preview"
            >
              {m.preview}
            </kit.SubmitButton>
          </div>
          {preview !== undefined && (
            <section
              aria-labelledby="article-preview-title"
              className="rounded-md border border-stone-300 bg-white p-4 sm:p-6"
            >
              <h2
                id="article-preview-title"
                className="mb-2 border-b border-stone-200 pb-2 font-serif text-lg font-bold text-brand-800"
              >
                {m.previewTitle}
              </h2>
              {preview ? (
                <ArticleBody html={preview} />
              ) : (
                <p className="text-muted">{m.previewEmpty}</p>
              )}
            </section>
          )}
        </div>

        <div className="space-y-5">
          <SelectField
            {...field.text("columnId")}
            label={f.column}
            required
            options={props.columns}
            placeholder=""
          />
          <kit.RadioGroup
            {...field.text("status")}
            legend={f.status}
            options={[
              { value: "draft", label: f.statusDraft },
              { value: "published", label: f.statusPublished },
            ]}
          />
          <TextField
            {...field.text("publishedAt")}
            type="datetime-local"
            label={f.publishedAt}
            optional
            hint={f.publishedAtHint}
          />
          {/* An editor is offered only what they may link: often no sector at all. */}
          {props.sectors.length > 0 && (
            <kit.CheckboxGroup
              {...field.list("sectorIds")}
              legend={f.sectors}
              options={props.sectors}
              hint={f.sectorsHint}
              columns={2}
            />
          )}
          <SelectField {...field.text("eventId")} label={f.event} optional options={props.events} />
          <TextField {...field.text("reporter")} label={f.reporter} optional maxLength={40} />
          <TextField
            {...field.text("correspondent")}
            label={f.correspondent}
            optional
            maxLength={40}
          />

          <div>
            {props.cover && (
              <figure className="mb-2">
                {/* biome-ignore lint/performance/noImgElement: a stored file, served as is */}
                <img
                  src={props.cover.src}
                  alt={props.cover.alt}
                  className="max-h-40 rounded border border-stone-300"
                />
                <figcaption className="mt-1 text-sm text-muted">{f.coverCurrent}</figcaption>
              </figure>
            )}
            <label htmlFor={id("cover")} className="font-medium">
              {f.cover}
              <span className="text-sm font-normal text-muted">{cmsMessages.common.optional}</span>
            </label>
            <input
              id={id("cover")}
              name="cover"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-invalid={e.cover ? true : undefined}
              aria-describedby={`${id("cover")}-hint${e.cover ? ` ${id("cover")}-error` : ""}`}
              className={`${kit.inputClass(Boolean(e.cover))} text-sm`}
            />
            <kit.Hint id={id("cover")}>{f.coverHint}</kit.Hint>
            <kit.FieldError id={id("cover")} error={e.cover} />
            {props.cover && (
              <div className="mt-2">
                <kit.Checkbox {...field.check("removeCover")} label={f.coverRemove} />
              </div>
            )}
          </div>
          <TextField
            {...field.text("coverCredit")}
            label={f.coverCredit}
            optional
            hint={f.coverCreditHint}
            maxLength={60}
          />
        </div>
      </div>
    </kit.ConsoleForm>
  );
}
