/**
 * The domain's vocabulary: every enumerated value the committee's records use. db/schema
 * builds its columns from these lists; components, rules and forms import them from here.
 */

export const registrationStatuses = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const townKinds = ["town", "subdistrict"] as const;

export const organisationKinds = [
  "special_committee",
  "party",
  "liaison_office",
  "studio",
  "venue",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const campaignKinds = ["activity_week", "research_month", "plenary", "other"] as const;

export const eventKinds = [
  "consultation",
  "visit",
  "service",
  "lecture",
  "clinic",
  "market",
  "meeting",
] as const;
export type EventKind = (typeof eventKinds)[number];

export const serviceTypes = ["culture", "sports", "health", "education", "law", "science"] as const;
export type ServiceType = (typeof serviceTypes)[number];

export const eventStatuses = ["scheduled", "cancelled"] as const;

export const articleStatuses = ["draft", "published"] as const;
/** How an article's body is stored: Markdown (before the rich-text editor) or clean HTML. */
export const articleBodyFormats = ["markdown", "html"] as const;
export type ArticleBodyFormat = (typeof articleBodyFormats)[number];
/** How a public case's outcome is stored: plain paragraphs (before the editor) or clean HTML. */
export const caseOutcomeFormats = ["text", "html"] as const;

export const noteCategories = ["industry", "livelihood", "governance"] as const;
export type NoteCategory = (typeof noteCategories)[number];

export const transferStatuses = ["pending", "answered"] as const;

export const satisfactionLevels = ["satisfied", "basically_satisfied", "unsatisfied"] as const;

export const reviewStatuses = ["drafting", "in_review", "reviewed"] as const;

export const proposalKinds = ["proposal", "plenary_speech"] as const;

export const opinionStatuses = ["pending", "approved", "rejected"] as const;

export const searchKinds = ["article", "event", "case", "opinion"] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * One role per account. Three administrators share the console's powers (三权分立):
 * admin = 系统管理员 (content and configuration), security = 安全管理员 (accounts, roles,
 * sessions), auditor = 审计管理员 (reads and exports the audit log). lib/permissions.ts.
 */
export const userRoles = ["admin", "security", "auditor", "editor", "member"] as const;
export type UserRole = (typeof userRoles)[number];

export const userStatuses = ["invited", "active", "disabled"] as const;

/**
 * Audit actions shown to a person as their account's security events (账号与安全). A
 * failed login counts only when it locked the account (db/queries/users/profile.ts).
 */
export const securityEventActions = [
  "auth.invite.accept",
  "auth.password.change",
  "auth.password.check_failure",
  "auth.totp.enrol",
  "auth.totp.disable",
  "auth.totp.check_failure",
  "auth.logout_all",
  "auth.login.failure",
  "auth.user.enable",
  "auth.user.disable",
  "user.update",
  "user.totp_reset",
  "user.notification_channels",
] as const;
export type SecurityEventAction = (typeof securityEventActions)[number];

/** What the retention job leaves in place of a registrant's or opinion sender's name. */
export const ANONYMISED_NAME = "（已清除）";

/**
 * What a notification (通知) is about. Each kind has its Chinese wording in
 * lib/messages/notifications.ts; the outbox (db/queries/notifications/outbox.ts) writes
 * one in the transaction of the change that causes it.
 */
export const notificationKinds = [
  // To a note's author.
  "note.returned",
  "note.rejected",
  "note.accepted",
  "note.transferred",
  "note.answered",
  "note.closed",
  "note.public_case",
  // To members who may attend a sector event.
  "event.published",
  // To staff whose scope holds the note, topic or transfer.
  "staff.note_submitted",
  "staff.note_resubmitted",
  "staff.transfer_due",
  "staff.transfer_overdue",
  "staff.opinion_pending",
  // To a registrant (by SMS; by e-mail and in-app when they are a user).
  "registration.confirmed",
  "registration.waitlisted",
  "registration.promoted",
  "registration.event_changed",
  "registration.event_cancelled",
  "registration.reminder",
  "registration.code_resent",
  // To the account holder: one of securityEventActions happened.
  "account.security",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Channels besides the in-app message centre, which every user always has. */
export const deliveryChannels = ["email", "sms"] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/**
 * A delivery's life: pending (waiting for its next attempt), sent, failed (gave up after
 * the last retry; an administrator may retry it), skipped (the channel is not configured
 * on this server, or the recipient has no address any more).
 */
export const deliveryStatuses = ["pending", "sent", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
