"use client";

import Link from "next/link";
import type { FormAction } from "@/components/admin/form-action";
import {
  type Column,
  DataTable,
  EmptyState,
  FormAlert,
  rowLinkClass,
  SelectField,
  SubmitButton,
} from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { adminMessages } from "@/lib/messages/admin";
import type { BulkNoteAction } from "@/lib/moderation";
import type { QueueTableRow } from "@/lib/pipeline/queue-rows";
import { TemplatedText, usePipelineForm } from "./pipeline-fields";

const m = adminMessages.queue;

export type { QueueTableRow };

const columns: Column<QueueTableRow>[] = [
  {
    header: m.columns.title,
    cell: (row) => (
      <>
        <Link href={`/admin/notes/${row.id}`} className={rowLinkClass}>
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
      </>
    ),
  },
  { header: m.columns.author, cell: (row) => row.authorName, hideBelow: "sm" },
  { header: m.columns.category, cell: (row) => row.category, hideBelow: "md" },
  { header: m.columns.town, cell: (row) => row.town, hideBelow: "md" },
  {
    header: m.columns.status,
    cell: (row) => adminMessages.statuses[row.status],
    className: "whitespace-nowrap",
  },
  {
    header: m.columns.submitted,
    cell: (row) => row.submitted,
    className: "whitespace-nowrap text-sm",
    hideBelow: "lg",
  },
];

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
  const { state, formAction, pending, field } = usePipelineForm(bulkAction, permalink);
  const notes = field.list("notes");
  const ticked = new Set(notes.checked);
  const anySelectable = rows.some((r) => r.selectable) && actions.length > 0;
  const select: Column<QueueTableRow> = {
    header: <span className="sr-only">{m.columns.select}</span>,
    className: "w-12",
    cell: (row) => {
      const ref = `${row.id}:${row.version}`;
      return (
        row.selectable && (
          <input
            id={`${notes.id}-${row.id}`}
            type="checkbox"
            name="notes"
            value={ref}
            defaultChecked={ticked.has(ref)}
            aria-label={m.selectNote(row.title || m.untitled)}
            className="mt-1 size-5 accent-brand-700"
          />
        )
      );
    },
  };
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert state={state} />
      {rows.length === 0 ? (
        <EmptyState>{emptyText}</EmptyState>
      ) : (
        <DataTable
          caption={m.table}
          rows={rows}
          columns={anySelectable ? [select, ...columns] : columns}
        />
      )}
      {anySelectable && (
        <fieldset className={`${ui.card} space-y-3`}>
          <legend className="float-left mb-2 w-full font-semibold">{m.bulk.legend}</legend>
          <div className="clear-both grid gap-3 md:grid-cols-[12rem_1fr]">
            <SelectField
              {...field.text("action", actions[0])}
              label={m.bulk.action}
              options={actions.map((a) => ({ value: a, label: adminMessages.actions[a] }))}
            />
            <TemplatedText
              {...field.text("reason")}
              label={m.bulk.reason}
              rows={2}
              maxLength={1000}
              templates={templates}
            />
          </div>
          <SubmitButton pending={pending} name="intent" value="apply">
            {m.bulk.submit}
          </SubmitButton>
        </fieldset>
      )}
    </form>
  );
}
