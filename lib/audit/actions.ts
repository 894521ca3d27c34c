import { noteActions } from "@/lib/notes/workflow";

/**
 * Every action the audit log records (writeAudit and its helpers in db/ and server/).
 * lib/messages/cms/audit-labels.ts names each in Chinese; lib/audit/labels.test.ts reads
 * the sources and fails when an action is written that is missing here.
 */
const directoryTargets = ["sector", "town", "organisation", "topic"] as const;
/** Directory rows with a photo (db/queries/directory/photo.ts). */
export const directoryPhotoTargets = ["sector", "town", "organisation"] as const;

export const auditActions = [
  // Accounts and sign-in
  "auth.invite.create",
  "auth.invite.accept",
  "auth.login.success",
  "auth.login.failure",
  "auth.login.locked",
  "auth.login.challenge",
  "auth.logout",
  "auth.logout_all",
  "auth.password.change",
  "auth.password.check_failure",
  "auth.totp.enrol",
  "auth.totp.disable",
  "auth.totp.check_failure",
  "auth.user.enable",
  "auth.user.disable",
  "user.create",
  "user.update",
  "user.totp_reset",
  "user.notification_channels",
  // A member's own notes
  "note.save",
  "note.photo.add",
  "note.photo.remove",
  // The office's moves of a note (note.submit is the member's)
  ...noteActions.map((a) => `note.${a}` as const),
  "note.comment",
  "note.satisfaction",
  // Research, proposals, templates, departments
  "research_topic.create",
  "research_topic.update",
  "research_topic.gather",
  "research_topic.ungather",
  "research_topic.members",
  "proposal.create",
  "proposal.update",
  "template.create",
  "template.update",
  "template.delete",
  "department.create",
  "department.update",
  // Directory
  ...directoryTargets.flatMap((t) => [`${t}.create` as const, `${t}.update` as const]),
  ...directoryPhotoTargets.flatMap((t) => [
    `${t}.photo.upload` as const,
    `${t}.photo.remove` as const,
  ]),
  // Content
  "article.create",
  "article.update",
  "article.publish",
  "article.unpublish",
  "case.create",
  "case.update",
  "case.publish",
  "case.unpublish",
  "event.create",
  "event.update",
  "event.cancel",
  "event.restore",
  "event.member_check_in",
  // Attendance and opinions
  "registration.create",
  "registration.cancel",
  "registration.promote",
  "registration.reveal_phone",
  "registration.check_in",
  "registration.export",
  "registration.export_phones",
  "opinion.submit",
  "opinion.approve",
  "opinion.reject",
  // Operations
  "notification.delivery.retry",
  "audit.export",
  "retention.run",
  "settings.update",
] as const;
export type AuditAction = (typeof auditActions)[number];
