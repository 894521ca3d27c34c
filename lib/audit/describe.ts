import { auditDetailLabels, auditValueLabels } from "@/lib/messages/cms/audit-labels";
import { formatDateTime } from "@/lib/time";

/** One line of an audit entry's details, in words: 原状态：待审核. */
export interface AuditDetailLine {
  label: string;
  value: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const OTHER = "其他";
const detailKeys = Object.keys(auditDetailLabels);

function describeValue(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "无";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) return formatDateTime(at, timeZone);
    }
    return Object.hasOwn(auditValueLabels, value) ? (auditValueLabels[value] as string) : value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "无" : value.map((v) => describeValue(v, timeZone)).join("、");
  }
  if (typeof value === "object") {
    const lines = describeAuditDetails(value as Record<string, unknown>, timeZone);
    return lines.length === 0 ? "无" : lines.map((l) => `${l.label}：${l.value}`).join("；");
  }
  return OTHER;
}

/**
 * An audit entry's details as Chinese label/value pairs, never as JSON: each known key
 * gets its words (lib/messages/cms/audit-labels.ts), coded values theirs, instants the
 * committee's zone. A key this build does not know reads as 其他.
 */
export function describeAuditDetails(
  details: Record<string, unknown> | null | undefined,
  timeZone: string,
): AuditDetailLine[] {
  if (!details || typeof details !== "object") return [];
  // In the catalogue's order (原状态 before 新状态), whatever order jsonb kept them in.
  const order = (key: string) => {
    const i = detailKeys.indexOf(key);
    return i === -1 ? detailKeys.length : i;
  };
  return Object.entries(details)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([key, v]) => ({
      label: Object.hasOwn(auditDetailLabels, key) ? (auditDetailLabels[key] as string) : OTHER,
      value: describeValue(v, timeZone),
    }));
}
