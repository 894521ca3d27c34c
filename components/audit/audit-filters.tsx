import { FilterForm, FilterInput } from "@/components/admin/kit";
import type { AuditQuery } from "@/lib/audit/filters";
import { cmsMessages } from "@/lib/messages/cms";
import { auditActionLabel } from "@/lib/messages/cms/audit-labels";

const m = cmsMessages.audit;
const common = cmsMessages.common;

/** The audit log's filters (a GET form to the page itself), the actions as suggestions. */
export function AuditFilterForm({
  query,
  actions,
  total,
  more,
}: {
  query: AuditQuery;
  actions: readonly string[];
  total: number;
  more: boolean;
}) {
  const input = (name: keyof AuditQuery, label: string, hint?: string) => (
    <FilterInput
      id={`audit-${name}`}
      name={name}
      label={label}
      value={query[name]}
      type={name === "from" || name === "to" ? "date" : "text"}
      hint={hint}
      list={name === "action" ? "audit-actions" : undefined}
    />
  );
  return (
    <FilterForm
      action="/admin/audit"
      label={m.filters}
      layout="panel"
      reset={{ href: "/admin/audit" }}
      count={more ? common.countMore(total) : common.count(total)}
      after={
        <datalist id="audit-actions">
          {actions.map((a) => (
            <option key={a} value={a} label={auditActionLabel(a)} />
          ))}
        </datalist>
      }
    >
      {input("actor", m.actor, m.actorHint)}
      {input("action", m.action, m.actionHint)}
      {input("targetType", m.targetType)}
      {input("targetId", m.targetId)}
      {input("from", m.from)}
      {input("to", m.to)}
    </FilterForm>
  );
}
