import { exportRegistrations } from "@/db/queries/registrations/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { csvHeaders, toCsv } from "@/lib/csv";
import { env } from "@/lib/env";
import { type ErrorMessages, isAppError } from "@/lib/errors";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { can } from "@/lib/permissions";
import { isSameOriginRequest } from "@/lib/security/origin";
import { actorOf } from "@/server/action";
import { getCurrentUser } from "@/server/auth/session";

const m = cmsMessages.registrations;

const text = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * The registration list as CSV (UTF-8 with BOM, for Excel). Phones are masked unless an
 * admin asked for them in clear; the export is audited either way. A POST from our own
 * page only: another site cannot make a signed-in admin's browser export anything.
 */
export async function POST(request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  // From our own pages only (lib/security/origin.ts), before anything else.
  if (!isSameOriginRequest(request.headers, env.SITE_URL)) {
    return text(cmsMessages.errors.csrf, 403);
  }
  const user = await getCurrentUser();
  if (!user || !can(user, "registration.view")) return text(cmsMessages.errors.not_found, 404);
  const { eventId: raw } = await params;
  if (!/^[1-9]\d{0,8}$/.test(raw)) return text(cmsMessages.errors.not_found, 404);
  const form = await request.formData().catch(() => null);
  const revealPhones = form?.get("phones") === "full";
  if (revealPhones && !can(user, "phone.reveal")) return text(cmsMessages.errors.forbidden, 403);

  const eventId = Number(raw);
  let rows: Awaited<ReturnType<typeof exportRegistrations>>;
  try {
    rows = await exportRegistrations(await actorOf(user), eventId, { revealPhones });
  } catch (error) {
    if (isAppError(error)) {
      const words: ErrorMessages = cmsGateErrors;
      return text(
        words[error.code] ?? words.not_found ?? "",
        error.code === "forbidden" ? 403 : 404,
      );
    }
    throw error;
  }
  const { timeZone } = await getCommitteeInfo();
  const csv = toCsv(
    m.export.header,
    rows.map((r, i) => [
      i + 1,
      r.name,
      r.phone,
      r.organisation,
      m.status[r.status],
      compactDateTime(r.createdAt, timeZone),
      compactDateTime(r.promotedAt, timeZone),
      compactDateTime(r.cancelledAt, timeZone),
      compactDateTime(r.checkedInAt, timeZone),
    ]),
  );
  return new Response(csv, { status: 200, headers: csvHeaders(m.export.filename(eventId)) });
}
