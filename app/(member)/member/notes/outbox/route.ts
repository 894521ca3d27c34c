import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { env } from "@/lib/env";
import { idleForm } from "@/lib/form-state";
import { notesMessages as m } from "@/lib/messages/notes";
import { emptyNoteValues, isClientId, type NoteFormState } from "@/lib/notes/form-state";
import type { OutboxResponse } from "@/lib/notes/offline";
import { noteAuthorOrNull } from "@/server/notes/member-context";
import { lookupOwnNote, outboxAuthorMismatch, outboxRequestRefusal } from "@/server/notes/outbox";
import { submitNoteForm } from "../actions";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (status: number, body: OutboxResponse) => json(status, body);

/**
 * A note queued on the member's device while there was no network, sent now by the page
 * or the service worker (a service worker cannot call a server action). The same
 * multipart body as the form, through the same validated, idempotent submit
 * (submitNoteForm: uniqueness on author + client id), so a resend is harmless. Body size:
 * server.mjs, "/member/notes" (server/http/body-limits.mjs).
 */
export async function POST(request: Request) {
  if (outboxRequestRefusal(request.headers, env.SITE_URL)) {
    return refuse(403, { ok: false, reason: "bad_request", message: m.errors.badRequest });
  }
  const author = await noteAuthorOrNull();
  if (!author) return refuse(401, { ok: false, reason: "signed_out", message: m.errors.signedOut });
  if (outboxAuthorMismatch(request.headers, author.user.id)) {
    return refuse(409, { ok: false, reason: "other_user", message: m.offline.otherUser });
  }
  const formData = await request.formData().catch(() => null);
  const clientId = formData?.get("clientId");
  if (!formData || !isClientId(clientId)) {
    return refuse(400, { ok: false, reason: "bad_request", message: m.errors.badRequest });
  }
  formData.set("intent", "submit");
  const previous: NoteFormState = {
    ...idleForm({ ...emptyNoteValues(), clientId }),
    result: { photos: [], status: null, noteId: null },
  };
  try {
    const state = await submitNoteForm(previous, formData);
    const fieldMessages = Object.values(state.fieldErrors).filter(Boolean).join("；");
    return refuse(422, {
      ok: false,
      reason: "refused",
      message: [state.message, fieldMessages].filter(Boolean).join(" "),
      noteId: state.result.noteId,
    });
  } catch (error) {
    // The submit answers a stored note with a redirect to it (new, or already there).
    if (!isRedirectError(error)) throw error;
    const stored = await lookupOwnNote(author.user.id, clientId);
    const to = getURLFromRedirectError(error);
    if (!stored?.stored || !/^\/member\/notes\/\d+/.test(to)) throw error;
    return json(200, { ok: true, noteId: stored.noteId, status: stored.status });
  }
}

/**
 * Was the caller's note with this client id stored? Asked by the form when a submission's
 * answer was lost on the way. Only ever the caller's own note.
 */
export async function GET(request: Request) {
  const author = await noteAuthorOrNull();
  if (!author) return json(401, { stored: false, reason: "signed_out" });
  const answer = await lookupOwnNote(
    author.user.id,
    new URL(request.url).searchParams.get("clientId"),
  );
  if (!answer) return json(400, { stored: false, reason: "bad_request" });
  return json(200, answer);
}
