/**
 * The one error type of the project: a refusal the user can be told about in words.
 * Queries, transactions and server code throw `new AppError(code)` (optionally naming the
 * form field at fault); the action gate (server/action.ts) turns it into a form state with
 * the capability's message for that code. Anything else is a fault: logged, never shown.
 */

export const appErrorCodes = [
  // common to every capability
  "not_found",
  "forbidden",
  "invalid",
  "conflict",
  "stale",
  "invalid_state",
  "in_use",
  // content (news, events, cases, directory, users)
  "out_of_scope",
  "link_out_of_scope",
  "organiser_out_of_scope",
  "town_out_of_scope",
  "slug_taken",
  "username_taken",
  "phone_taken",
  "bad_image",
  "image_too_large",
  "personal_data",
  "not_eligible",
  // accounts
  "unknown_user",
  "unknown_sector",
  "unknown_organisation",
  // the note pipeline
  "not_allowed_from_status",
  "reason_required",
  "no_departments",
  "unknown_department",
  "bad_due_date",
  "transfer_not_pending",
  "answer_required",
  "note_not_adopted",
  "duplicate_name",
  // a member's notes and photos
  "locked",
  "too_many_photos",
  "not_image",
  "too_large",
  "too_many_pixels",
  "unreadable",
  // attendance
  "not_public",
  "not_open",
  "closed",
  "event_cancelled",
  "duplicate_phone",
  "already_cancelled",
  "started",
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError<Code extends AppErrorCode = AppErrorCode> extends Error {
  constructor(
    readonly code: Code,
    /** The form field at fault, when one is. */
    readonly field?: string,
  ) {
    super(`${code}${field ? ` (${field})` : ""}`);
    this.name = "AppError";
  }
}

/** Is `error` an AppError (optionally: one of these codes)? */
export function isAppError(error: unknown, ...codes: AppErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}

/** A capability's words for the codes it throws; the gate falls back to a generic message. */
export type ErrorMessages = Partial<Record<AppErrorCode, string>>;
