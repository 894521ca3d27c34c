"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { type FormState, fieldValue, fieldValues, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { BulkNoteAction } from "@/lib/moderation";
import type { QueueTableRow } from "@/lib/pipeline/queue-rows";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { TemplatePicker } from "./template-picker";
import { ui } from "./ui";

const m = adminMessages.queue;

export type { QueueTableRow };

/**
 * The queue as a table whose rows can be ticked for a bulk accept / return / reject.
 * A plain form post without JavaScript; a refused submission keeps the ticks and reason.
 */
export function QueueTable({
  bulkAction,
  rows,
  actions,
  templates,
  permalink,
  emptyText,
}: {
  bulkAction: FormAction;
  rows: QueueTableRow[];
  actions: readonly BulkNoteAction[];
  templates: { id: number; title: string }[];
  permalink: string;
  emptyText: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    bulkAction,
    idleForm(),
    permalink,
  );
  const id = useId();
  const ticked = new Set(fieldValues(state, "notes"));
  const anySelectable = rows.some((r) => r.selectable) && actions.length > 0;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      {rows.length === 0 && <p className={`${ui.card} text-muted`}>{emptyText}</p>}
      <div
        hidden={rows.length === 0}
        className="overflow-x-auto rounded-md border border-stone-200 bg-white"
      >
        <table className={ui.table}>
          <caption className="sr-only">{m.table}</caption>
          <thead>
            <tr>
              {anySelectable && (
                <th scope="col" className={`${ui.th} w-12`}>
                  <span className="sr-only">{m.columns.select}</span>
                </th>
              )}
              <th scope="col" className={ui.th}>
                {m.columns.title}
              </th>
              <th scope="col" className={`${ui.th} hidden sm:table-cell`}>
                {m.columns.author}
              </th>
              <th scope="col" className={`${ui.th} hidden md:table-cell`}>
                {m.columns.category}
              </th>
              <th scope="col" className={`${ui.th} hidden md:table-cell`}>
                {m.columns.town}
              </th>
              <th scope="col" className={ui.th}>
                {m.columns.status}
              </th>
              <th scope="col" className={`${ui.th} hidden lg:table-cell`}>
                {m.columns.submitted}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const ref = `${row.id}:${row.version}`;
              const boxId = `${id}-note-${row.id}`;
              return (
                <tr key={row.id} className="hover:bg-stone-50">
                  {anySelectable && (
                    <td className={ui.td}>
                      {row.selectable && (
                        <input
                          id={boxId}
                          type="checkbox"
                          name="notes"
                          value={ref}
                          defaultChecked={ticked.has(ref)}
                          aria-label={m.selectNote(row.title || m.untitled)}
                          className="mt-1 size-5 accent-brand-700"
                        />
                      )}
                    </td>
                  )}
                  <td className={ui.td}>
                    <Link href={`/admin/notes/${row.id}`} className={ui.link}>
                      {row.title || m.untitled}
                    </Link>
                    {row.overdue && (
                      <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                        {m.overdue}
                      </span>
                    )}
                    <span className="mt-0.5 block text-sm text-muted sm:hidden">
                      {row.authorName} · {row.town} · {row.submitted}
                    </span>
                  </td>
                  <td className={`${ui.td} hidden sm:table-cell`}>{row.authorName}</td>
                  <td className={`${ui.td} hidden md:table-cell`}>{row.category}</td>
                  <td className={`${ui.td} hidden md:table-cell`}>{row.town}</td>
                  <td className={ui.td}>
                    <span className="whitespace-nowrap">{adminMessages.statuses[row.status]}</span>
                  </td>
                  <td className={`${ui.td} hidden whitespace-nowrap text-sm lg:table-cell`}>
                    {row.submitted}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {anySelectable && (
        <fieldset className={`${ui.card} space-y-3`}>
          <legend className="float-left mb-2 w-full font-semibold">{m.bulk.legend}</legend>
          <div className="clear-both grid gap-3 md:grid-cols-[12rem_1fr]">
            <div>
              <label htmlFor={`${id}-action`} className={ui.label}>
                {m.bulk.action}
              </label>
              <select
                // A select takes its default only when it mounts: a returned value needs a new element.
                key={fieldValue(state, "action", actions[0])}
                id={`${id}-action`}
                name="action"
                defaultValue={fieldValue(state, "action", actions[0])}
                className={ui.select}
              >
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {adminMessages.actions[a]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-reason`} className={ui.label}>
                {m.bulk.reason}
              </label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                rows={2}
                maxLength={1000}
                defaultValue={fieldValue(state, "reason")}
                aria-invalid={state.fieldErrors.reason ? true : undefined}
                aria-describedby={state.fieldErrors.reason ? `${id}-reason-error` : undefined}
                className={ui.input}
              />
              <FieldError id={`${id}-reason-error`} message={state.fieldErrors.reason} />
              <TemplatePicker templates={templates} idPrefix={`${id}-bulk`} />
            </div>
          </div>
          <button
            type="submit"
            name="intent"
            value="apply"
            disabled={pending}
            className={ui.primary}
          >
            {pending ? adminMessages.common.saving : m.bulk.submit}
          </button>
        </fieldset>
      )}
    </form>
  );
}
