"use client";

import { useActionState, useId } from "react";
import { type FormState, type FormValues, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { ReportBody } from "./report-body";
import { ui } from "./ui";

const m = adminMessages.research;
const reviewStatuses = ["drafting", "in_review", "reviewed"] as const;

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
type TopicState = FormState<FormValues, { previewHtml: string } | undefined>;

const typedValue = (state: TopicState, name: string) => {
  const value = state.values[name];
  return typeof value === "string" ? value : "";
};

function useFieldHelpers(state: TopicState, id: string) {
  const error = (name: string) => state.fieldErrors[name];
  return {
    error,
    aria: (name: string) => ({
      "aria-invalid": error(name) ? true : undefined,
      "aria-describedby": error(name) ? `${id}-${name}-error` : undefined,
    }),
    err: (name: string) => <FieldError id={`${id}-${name}-error`} message={error(name)} />,
  };
}

function CommonFields({
  state,
  id,
  initial,
  topics,
}: {
  state: TopicState;
  id: string;
  initial: { title: string; summary: string; topicId: string; sortOrder: string };
  topics: { id: number; name: string }[];
}) {
  const { aria, err } = useFieldHelpers(state, id);
  const typed = state.status !== "ok" && Object.keys(state.values).length > 0;
  const v = (name: keyof typeof initial) => (typed ? typedValue(state, name) : initial[name]);
  return (
    <>
      <div>
        <label htmlFor={`${id}-title`} className={ui.label}>
          {m.name}
        </label>
        <input
          id={`${id}-title`}
          name="title"
          maxLength={60}
          required
          defaultValue={v("title")}
          {...aria("title")}
          className={ui.input}
        />
        {err("title")}
      </div>
      <div>
        <label htmlFor={`${id}-summary`} className={ui.label}>
          {m.summary}
        </label>
        <textarea
          id={`${id}-summary`}
          name="summary"
          rows={2}
          maxLength={1000}
          defaultValue={v("summary")}
          {...aria("summary")}
          className={ui.input}
        />
        {err("summary")}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-topic`} className={ui.label}>
            {m.topic}
          </label>
          <select
            // A select takes its default only when it mounts: a returned value needs a new element.
            key={v("topicId")}
            id={`${id}-topic`}
            name="topicId"
            defaultValue={v("topicId")}
            className={ui.select}
          >
            <option value="">{m.noTopic}</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-sort`} className={ui.label}>
            {m.sortOrder}
          </label>
          <input
            id={`${id}-sort`}
            name="sortOrder"
            inputMode="numeric"
            maxLength={3}
            defaultValue={v("sortOrder")}
            {...aria("sortOrder")}
            className={ui.input}
          />
          {err("sortOrder")}
        </div>
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
  action: FormAction<{ previewHtml: string } | undefined>;
  year: number;
  topics: { id: number; name: string }[];
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<TopicState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="year" value={year} />
      <CommonFields
        state={state}
        id={id}
        initial={{ title: "", summary: "", topicId: "", sortOrder: "0" }}
        topics={topics}
      />
      <button type="submit" disabled={pending} className={ui.primary}>
        {m.create}
      </button>
    </form>
  );
}

/** The topic, its report (Markdown, with a preview) and its expert review. */
export function EditTopicForm({
  action,
  topic,
  topics,
  savedPreviewHtml,
  permalink,
}: {
  action: FormAction<{ previewHtml: string } | undefined>;
  topic: TopicValues;
  topics: { id: number; name: string }[];
  /** The saved report, rendered on the server. */
  savedPreviewHtml: string;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<TopicState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const { aria, err } = useFieldHelpers(state, id);
  const typed = Object.keys(state.values).length > 0;
  const v = (name: "report" | "reviewStatus" | "reviewComment", fallback: string) =>
    typed ? typedValue(state, name) : fallback;
  const preview = state.result?.previewHtml ?? savedPreviewHtml;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={topic.id} />
      <CommonFields
        state={state}
        id={id}
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
          <label htmlFor={`${id}-report`} className={ui.label}>
            {m.report}
          </label>
          <textarea
            id={`${id}-report`}
            name="report"
            rows={18}
            defaultValue={v("report", topic.report)}
            aria-describedby={`${id}-report-hint${state.fieldErrors.report ? ` ${id}-report-error` : ""}`}
            aria-invalid={state.fieldErrors.report ? true : undefined}
            className={`${ui.input} font-mono text-[15px]`}
          />
          <p id={`${id}-report-hint`} className={ui.hint}>
            {m.reportHint}
          </p>
          {err("report")}
          <button
            type="submit"
            name="intent"
            value="preview"
            formNoValidate
            className={`${ui.secondary} mt-2`}
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
        <div>
          <label htmlFor={`${id}-review`} className={ui.label}>
            {m.reviewStatus}
          </label>
          <select
            // A select takes its default only when it mounts: a returned value needs a new element.
            key={v("reviewStatus", topic.reviewStatus)}
            id={`${id}-review`}
            name="reviewStatus"
            defaultValue={v("reviewStatus", topic.reviewStatus)}
            className={ui.select}
          >
            {reviewStatuses.map((s) => (
              <option key={s} value={s}>
                {adminMessages.reviewStatuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-comment`} className={ui.label}>
            {m.reviewComment}
          </label>
          <textarea
            id={`${id}-comment`}
            name="reviewComment"
            rows={2}
            maxLength={2000}
            defaultValue={v("reviewComment", topic.reviewComment)}
            {...aria("reviewComment")}
            className={ui.input}
          />
          {err("reviewComment")}
        </div>
      </div>
      <button type="submit" name="intent" value="save" disabled={pending} className={ui.primary}>
        {pending ? adminMessages.common.saving : m.save}
      </button>
    </form>
  );
}
