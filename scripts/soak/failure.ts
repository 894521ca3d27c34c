// Why a request counts as failed, in a few words for the report.
import { HttpError, type HttpResponse } from "./http";

export function failureOf(
  outcome: HttpResponse | unknown,
  isOk: (r: HttpResponse) => boolean,
): string | null {
  if (outcome instanceof HttpError) {
    if (outcome.kind === "timeout") return "timeout";
    const code = /\b(ECONNREFUSED|ECONNRESET|EPIPE|socket hang up)\b/.exec(outcome.message)?.[1];
    return code ? `network: ${code}` : `network: ${outcome.message.slice(0, 40)}`;
  }
  const response = outcome as HttpResponse;
  if (isOk(response)) return null;
  if (response.status >= 500) return `HTTP ${response.status}`;
  if (response.status === 200) return "refused (form shown again)";
  return `HTTP ${response.status}${response.location ? ` → ${response.location.split("?")[0]?.replace(/\d+/g, "N")}` : ""}`;
}
