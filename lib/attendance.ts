/**
 * Open attendance (开门协商 / 列席): the rules that need no database. What a form
 * may contain, how phones and codes look, and whether an event takes registrations.
 * The database side (locking, counting, promotion) is db/queries/registrations/write.ts.
 */
import { z } from "zod";
import type { FormState } from "./form-state";
import { attendanceMessages } from "./messages/attendance";
import { formatDate, formatTimeRange, formatWeekday, localDateKey } from "./time";

const fe = attendanceMessages.fieldErrors;

// ---------------------------------------------------------------------------------------
// Refusals (thrown as AppError with these codes, lib/errors.ts)

export type RegistrationErrorCode =
  | "not_found"
  | "not_public"
  | "not_open"
  | "closed"
  | "event_cancelled"
  | "duplicate_phone";

export type CancellationErrorCode = "not_found" | "already_cancelled" | "started";

// ---------------------------------------------------------------------------------------
// Phones

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * "+86 138-0000-0001", "０１３８…" (full-width) … → "13800000001". Anything that is
 * not a phone comes back merely tidied, for the validator to refuse.
 */
export function normalizePhone(raw: string): string {
  const compact = raw.normalize("NFKC").replace(/[\s\-–—()（）.]/g, "");
  const withoutCountry = compact.replace(/^(?:\+86|0086|86)(?=\d{11}$)/, "");
  return withoutCountry;
}

export function isMainlandMobile(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone);
}

/** "13800000001" → "138****0001". Shown on public pages instead of the number. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return "****";
}

// ---------------------------------------------------------------------------------------
// Registration codes

/** No 0/O, 1/I/L: a code read aloud or copied by hand stays unambiguous. */
export const REGISTRATION_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const REGISTRATION_CODE_LENGTH = 8;
const CODE_PATTERN = new RegExp(
  `^[${REGISTRATION_CODE_ALPHABET}]{4}-[${REGISTRATION_CODE_ALPHABET}]{4}$`,
);

type RandomBytes = (length: number) => Uint8Array;
const webCryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/**
 * "K7QM-3XPD": 8 symbols of a 31-symbol alphabet (~40 bits) from a cryptographic
 * source, by rejection sampling so that every symbol is equally likely. The code is
 * the only key to a registration, so it must not be guessable or sequential.
 */
export function generateRegistrationCode(randomBytes: RandomBytes = webCryptoBytes): string {
  const size = REGISTRATION_CODE_ALPHABET.length;
  const limit = 256 - (256 % size); // bytes at or above this would bias the first symbols
  let symbols = "";
  while (symbols.length < REGISTRATION_CODE_LENGTH) {
    for (const byte of randomBytes(REGISTRATION_CODE_LENGTH - symbols.length)) {
      if (byte < limit) symbols += REGISTRATION_CODE_ALPHABET[byte % size];
    }
  }
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** What a person types ("k7qm 3xpd", "K7QM3XPD") → "K7QM-3XPD", or null when it cannot be a code. */
export function normalizeRegistrationCode(input: string): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-–—_]/g, "");
  if (compact.length !== REGISTRATION_CODE_LENGTH) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return CODE_PATTERN.test(code) ? code : null;
}

// ---------------------------------------------------------------------------------------
// The form

/** The field bots fill and people never see (see the registration form). */
export const HONEYPOT_FIELD = "website";

export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === "string" ? value.trim() !== "" : value != null;
}

const asText = (value: unknown) => (typeof value === "string" ? value : "");
const tidy = (value: unknown) => asText(value).normalize("NFKC").trim().replace(/\s+/g, " ");

// Letters of any script (张三, 阿依古丽·买买提, Anna-Lena O'Brien), never digits or markup.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}·•・.\-'’ ]*$/u;
// U+FFFD stands where a browser sent bytes that were not UTF-8: refused, not stored garbled.
const NO_MARKUP_OR_CONTROL = /^[^<>\p{Cc}\p{Cf}\uFFFD]*$/u;

export const registrationSchema = z.object({
  name: z.preprocess(
    tidy,
    z
      .string()
      .min(1, fe.nameRequired)
      .min(2, fe.nameTooShort)
      .max(30, fe.nameTooLong)
      .regex(NAME_PATTERN, fe.nameInvalid),
  ),
  phone: z.preprocess(
    (value) => normalizePhone(asText(value)),
    z.string().min(1, fe.phoneRequired).regex(MAINLAND_MOBILE, fe.phoneInvalid),
  ),
  organisation: z.preprocess(
    tidy,
    z.string().max(60, fe.organisationTooLong).regex(NO_MARKUP_OR_CONTROL, fe.organisationInvalid),
  ),
  consent: z.preprocess(
    (value) => value === "yes" || value === "on" || value === true,
    z.literal(true, { error: fe.consentRequired }),
  ),
});

export type RegistrationInput = Omit<z.infer<typeof registrationSchema>, "consent">;
export const registrationFields = ["name", "phone", "organisation", "consent"] as const;
export type RegistrationField = (typeof registrationFields)[number];
export type RegistrationFieldErrors = Partial<Record<RegistrationField, string>>;

/** One message per field (the first that applies), ready for the form. */
export function parseRegistrationInput(
  raw: Partial<Record<RegistrationField, unknown>>,
): { ok: true; data: RegistrationInput } | { ok: false; fieldErrors: RegistrationFieldErrors } {
  const result = registrationSchema.safeParse(raw);
  if (result.success) {
    const { consent: _consent, ...data } = result.data;
    return { ok: true, data };
  }
  const fieldErrors: RegistrationFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !isRegistrationField(field)) continue;
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

function isRegistrationField(name: string): name is RegistrationField {
  return (registrationFields as readonly string[]).includes(name);
}

// ---------------------------------------------------------------------------------------
// Whether an event takes registrations

export type RegistrationState =
  | "not_public"
  | "event_cancelled"
  | "not_open"
  | "closed"
  | "full"
  | "open";

export interface RegistrationWindow {
  status: "scheduled" | "cancelled";
  openToPublic: boolean;
  /** null: no limit on seats. */
  capacity: number | null;
  startsAt: Date;
  /** null: open as soon as the event is published. */
  registrationOpensAt: Date | null;
  /** null: open until the event starts. */
  registrationClosesAt: Date | null;
}

export function registrationClosesAt(event: RegistrationWindow): Date {
  return event.registrationClosesAt ?? event.startsAt;
}

/**
 * The state an event's registration is in at `now`, given how many seats are taken.
 * "full" still takes registrations: they go on the waiting list.
 */
export function computeRegistrationState(
  event: RegistrationWindow,
  now: Date,
  confirmed: number,
): RegistrationState {
  if (!event.openToPublic) return "not_public";
  if (event.status === "cancelled") return "event_cancelled";
  if (now.getTime() >= registrationClosesAt(event).getTime()) return "closed";
  if (event.registrationOpensAt && now.getTime() < event.registrationOpensAt.getTime()) {
    return "not_open";
  }
  if (event.capacity !== null && confirmed >= event.capacity) return "full";
  return "open";
}

export function acceptsRegistrations(state: RegistrationState): state is "open" | "full" {
  return state === "open" || state === "full";
}

/** The refusal for a state that takes no registrations. */
export function refusalFor(
  state: Exclude<RegistrationState, "open" | "full">,
): RegistrationErrorCode {
  return state;
}

/** Seats left (null: unlimited), never below zero even if staff lowered the capacity. */
export function freeSeats(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/** A registration can be cancelled until the event starts. */
export function canCancelRegistration(event: { startsAt: Date }, now: Date): boolean {
  return now.getTime() < event.startsAt.getTime();
}

// ---------------------------------------------------------------------------------------
// The form's round trip and the limits on it

/** What the registration form holds: the text typed, and "yes" when consent is ticked. */
export type RegistrationValues = Record<RegistrationField, string>;

/**
 * The registration form's round trip (the one FormState of lib/form-state.ts): what the
 * person typed, echoed back so nothing is lost (never after success), a message per field
 * and one for the form.
 */
export type RegistrationFormState = FormState<RegistrationValues>;

/** Long enough for anything a person types into these fields; a flood is cut, not echoed. */
const REGISTRATION_ECHO_LIMIT = 200;

/** The fields of a submitted registration form, as the form shows them again. */
export function readRegistrationValues(formData: FormData): RegistrationValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, REGISTRATION_ECHO_LIMIT) : "";
  };
  return {
    name: text("name"),
    phone: text("phone"),
    organisation: text("organisation"),
    consent: formData.get("consent") === "yes" ? "yes" : "",
  };
}

/**
 * Per client IP. Registration posts that pass validation (and every honeypot hit)
 * count; lookups count only when the code does not exist, which is what guessing does.
 */
export const attendanceRateLimits = {
  registration: { limit: 10, windowMs: 10 * 60_000 },
  lookupMiss: { limit: 20, windowMs: 10 * 60_000 },
} as const;

/** "2026年11月30日 周一 14:30–16:30", or both dates in full when the event crosses midnight. */
export function formatEventWhen(start: Date, end: Date, timeZone: string): string {
  const range = formatTimeRange(start, end, timeZone);
  if (localDateKey(start, timeZone) !== localDateKey(end, timeZone)) return range;
  return `${formatDate(start, timeZone)} ${formatWeekday(start, timeZone)} ${range}`;
}
