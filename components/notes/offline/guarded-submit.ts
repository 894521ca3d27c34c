import { unstable_rethrow } from "next/navigation";
import { notesMessages as m } from "@/lib/messages/notes";
import type { NoteFormState } from "@/lib/notes/form-state";
import { lookupStoredNote } from "./outbox";

/**
 * The note form's server action, guarded against a lost answer. A redirect is the note
 * stored (the device's copy goes). A request that failed may still have reached the
 * server: the form asks (GET /member/notes/outbox) and shows the truth: the stored note,
 * or, with no network at all, the note queued on the device (待上传), or a plain "not
 * submitted, try again" with everything typed still there; never the generic error page.
 */
export function guardSubmit(deps: {
  submit: (previous: NoteFormState, formData: FormData) => Promise<NoteFormState>;
  clientId: string;
  /** The device copy is no longer needed. */
  forget: () => Promise<void>;
  /** Queues the note on the device; null when this form keeps no device copy. */
  queue: ((formData: FormData) => Promise<unknown>) | null;
}) {
  return async function guardedSubmit(
    previous: NoteFormState,
    formData: FormData,
  ): Promise<NoteFormState> {
    try {
      return await deps.submit(previous, formData);
    } catch (error) {
      try {
        unstable_rethrow(error);
      } catch (redirecting) {
        await deps.forget();
        throw redirecting;
      }
    }
    const save = formData.get("intent") === "save";
    const answer = await lookupStoredNote(deps.clientId);
    if (answer?.stored && (answer.submitted || save)) {
      await deps.forget();
      window.location.assign(
        `/member/notes/${answer.noteId}${answer.submitted ? "?submitted=1" : "/edit?saved=1"}`,
      );
      return { ...previous, status: "idle", message: m.offline.checking };
    }
    if (answer === null && !save && deps.queue) {
      await deps.queue(formData);
      return previous;
    }
    return { ...previous, status: "error", message: m.offline.lostNotStored };
  };
}
