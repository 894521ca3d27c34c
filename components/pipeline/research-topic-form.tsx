"use client";

import { useId } from "react";
import type { FormAction } from "@/components/admin/form-action";
import {
  type BoundFields,
  buttonClass,
  FormAlert,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "@/components/admin/kit";
import { ReportBody, reportBodyClass } from "@/components/admin/report-body";
import { RichTextEditor } from "@/components/rich-text/rich-text-editor";
import { adminMessages } from "@/lib/messages/admin";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { usePipelineForm } from "./pipeline-fields";

const m = adminMessages.research;
const reviewStatuses = ["drafting", "in_review", "reviewed"] as const;
const reviewOptions = reviewStatuses.map((s) => ({
  value: s,
  label: adminMessages.reviewStatuses[s],
}));

interface TopicValues {
  id: number;
  title: string;
  summary: string;
  topicId: number | null;
  sortOrder: number;
  report: string;
  reviewStatus: (typeof reviewStatuses)[number];
  reviewComment: string;
}

/** The edit form's state carries the report preview rendered on the server. */
type TopicAction = FormAction<{ previewHtml: string } | undefined>;

function CommonFields({
  field,
  initial,
  topics,
}: {
  field: BoundFields;
  initial?: { title: string; summary: string; topicId: string; sortOrder: string };
  topics: { id: number; name: string }[];
}) {
  return (
    <>
      <TextField {...field.text("title", initial?.title)} label={m.name} required maxLength={60} />
      <TextArea
        {...field.text("summary", initial?.summary)}
        label={m.summary}
        rows={2}
        maxLength={1000}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          {...field.text("topicId", initial?.topicId)}
          label={m.topic}
          placeholder={m.noTopic}
          options={topics.map((t) => ({ value: String(t.id), label: t.name }))}
        />
        <TextField
          {...field.text("sortOrder", initial?.sortOrder ?? "0")}
          label={m.sortOrder}
          inputMode="numeric"
          maxLength={3}
        />
      </div>
    </>
  );
}

/** A new research topic of `year`. */
export function CreateTopicForm({
  action,
  year,
  topics,
  permalink,
}: {
  action: TopicAction;
  year: number;
  topics: { id: number; name: string }[];
  permalink: string;
}) {
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="year" value={year} />
      <CommonFields field={field} topics={topics} />
      <SubmitButton pending={pending} pendingLabel={m.create}>
        {m.create}
      </SubmitButton>
    </form>
  );
}

/**
 * The topic, its report (the rich-text editor; a textarea of HTML without JavaScript; the
 * preview shows it as the server cleans it) and its expert review.
 */
export function EditTopicForm({
  action,
  topic,
  topics,
  savedPreviewHtml,
  uploadImage,
  permalink,
}: {
  action: TopicAction;
  topic: TopicValues;
  topics: { id: number; name: string }[];
  /** The saved report, rendered on the server. */
  savedPreviewHtml: string;
  /** Stores a picture placed inside the report (a server action). */
  uploadImage: (formData: FormData) => Promise<InlineImageAnswer>;
  permalink: string;
}) {
  const id = useId();
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  const preview = state.result?.previewHtml ?? savedPreviewHtml;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={topic.id} />
      <CommonFields
        field={field}
        initial={{
          title: topic.title,
          summary: topic.summary,
          topicId: topic.topicId ? String(topic.topicId) : "",
          sortOrder: String(topic.sortOrder),
        }}
        topics={topics}
      />
      <div className="grid gap-4 xl:grid-cols-2">
        <div>
          <RichTextEditor
            {...field.text("report", topic.report)}
            label={m.report}
            hint={m.reportHint}
            upload={uploadImage}
            contentClassName={reportBodyClass}
          />
          <button
            type="submit"
            name="intent"
            value="preview"
            formNoValidate
            className={`${buttonClass.secondary} mt-2`}
          >
            {m.preview}
          </button>
        </div>
        <section
          aria-labelledby={`${id}-preview`}
          className="rounded-md border border-stone-200 bg-paper p-4"
        >
          <h3 id={`${id}-preview`} className="mb-2 text-sm font-semibold text-muted">
            {m.preview}
          </h3>
          {preview.trim() === "" ? (
            <p className="text-muted">{m.previewEmpty}</p>
          ) : (
            <ReportBody html={preview} />
          )}
        </section>
      </div>
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
        <SelectField
          {...field.text("reviewStatus", topic.reviewStatus)}
          label={m.reviewStatus}
          options={reviewOptions}
        />
        <TextArea
          {...field.text("reviewComment", topic.reviewComment)}
          label={m.reviewComment}
          rows={2}
          maxLength={2000}
        />
      </div>
      <SubmitButton pending={pending} name="intent" value="save">
        {m.save}
      </SubmitButton>
    </form>
  );
}
