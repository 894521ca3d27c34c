import { exportAuditEntries } from "@/db/queries/audit/staff";
import { recordAudit } from "@/db/queries/audit/write";
import { getCommitteeInfo } from "@/db/queries/settings";
import { readAuditQuery, toAuditFilters } from "@/lib/audit/filters";
import { attachmentDisposition, CSV_CONTENT_TYPE, csvRecord, UTF8_BOM } from "@/lib/csv";
import { env } from "@/lib/env";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import { commonMessages } from "@/lib/messages/common";
import { can } from "@/lib/permissions";
import { isSameOriginRequest } from "@/lib/security/origin";
import { fieldWithControlCharacters } from "@/lib/text/control-characters.mjs";
import { localDateKey } from "@/lib/time";
import { actorOf } from "@/server/action";
import { getCurrentUser } from "@/server/auth/session";

const m = cmsMessages.audit;

const text = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * The audit log as CSV, filtered like the viewer, streamed in batches (memory stays flat
 * however long the log). Admins only, from our own page only; the export is itself logged.
 */
export async function POST(request: Request) {
  // From our own pages only (lib/security/origin.ts), before anything else.
  if (!isSameOriginRequest(request.headers, env.SITE_URL)) {
    return text(cmsMessages.errors.csrf, 403);
  }
  const user = await getCurrentUser();
  if (!user || !can(user, "audit.view")) return text(cmsMessages.errors.not_found, 404);
  const form = await request.formData().catch(() => null);
  if (!form) return text(cmsMessages.errors.csrf, 400);
  // Before the filters are logged or queried (jsonb and text refuse a NUL).
  if (fieldWithControlCharacters(form) !== null) {
    return text(commonMessages.errors.controlCharacters, 400);
  }
  const { timeZone } = await getCommitteeInfo();
  const query = readAuditQuery((name) => form.get(name));
  const { filters } = toAuditFilters(query, timeZone);

  const actor = await actorOf(user);
  await recordAudit({
    action: "audit.export",
    actorId: actor.user.id,
    actorLabel: actor.user.username,
    ip: actor.ip,
    targetType: "audit_log",
    details: { filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v)) },
  });

  const encoder = new TextEncoder();
  const entries = exportAuditEntries(filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${UTF8_BOM}${csvRecord(m.csvHeader)}\r\n`));
    },
    async pull(controller) {
      try {
        const next = await entries.next();
        if (next.done) {
          controller.close();
          return;
        }
        const lines = next.value.map((row) =>
          csvRecord([
            row.id,
            compactDateTime(row.at, timeZone),
            row.actorId,
            row.actorLabel,
            row.ip,
            row.action,
            row.targetType,
            row.targetId,
            JSON.stringify(row.details),
          ]),
        );
        controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      } catch (error) {
        console.error("[cms] audit export failed:", error);
        controller.error(error);
      }
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition(m.filename(localDateKey(new Date(), timeZone))),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
