import type { ErrorMessages } from "@/lib/errors";
import { cmsCommonMessages, cmsErrorsMessages } from "./common";

const { rate_limited: _rateLimited, csrf: _csrf, ...byCode } = cmsErrorsMessages;

/**
 * The console's words for the action gate (server/action.ts): a refusal by its AppError
 * code, a form that does not parse, and a fault (logged; the form keeps what was typed).
 */
export const cmsGateErrors = {
  ...byCode,
  invalid: cmsCommonMessages.errorSummary,
  unavailable: cmsCommonMessages.unexpected,
} satisfies ErrorMessages & { invalid: string; unavailable: string };

/** The words of a refusal code a redirect sent back in `?error=`; unknown codes show nothing. */
export function cmsErrorNotice(code: string | string[] | undefined): string | null {
  if (typeof code !== "string" || !Object.hasOwn(cmsErrorsMessages, code)) return null;
  const words: unknown = cmsErrorsMessages[code as keyof typeof cmsErrorsMessages];
  return typeof words === "string" ? words : null;
}
