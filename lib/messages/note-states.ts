import type { NoteAction, NoteStatus } from "@/lib/notes/workflow";

/**
 * The one Chinese name of each field-note state and move. The member area
 * (lib/messages/notes.ts), the staff console (lib/messages/pipeline/notes.ts), the
 * statistics and the notifications all read them from here, so a member and the office
 * never see two words for the same state (once 已转办/已移交, 未采纳/不予采用).
 */
export const noteStatusLabels = {
  draft: "草稿",
  submitted: "待审核",
  returned: "已退回",
  accepted: "已采纳",
  transferred: "已转办",
  answered: "已答复",
  closed: "已办结",
  rejected: "未采纳",
} as const satisfies Record<NoteStatus, string>;

/** The moves, as buttons and in a note's history. */
export const noteActionLabels = {
  submit: "提交",
  return: "退回修改",
  accept: "采纳",
  reject: "不予采纳",
  transfer: "转办部门",
  answer: "记录答复",
  close: "办结",
} as const satisfies Record<NoteAction, string>;

/** A note's history (办理经过) as the member and the office both read it. */
export const noteHistoryLabels = {
  ...noteActionLabels,
  create: "创建草稿",
  submit: "提交记录",
  resubmit: "修改后重新提交",
} as const;

/** The words for one entry of the history; an unknown move falls back to its new state. */
export function noteHistoryLabel(entry: {
  action: string;
  fromStatus: NoteStatus | null;
  toStatus: NoteStatus;
}): string {
  if (entry.action === "submit" && entry.fromStatus === "returned")
    return noteHistoryLabels.resubmit;
  const known: Record<string, string> = noteHistoryLabels;
  return Object.hasOwn(known, entry.action)
    ? (known[entry.action] as string)
    : noteStatusLabels[entry.toStatus];
}
