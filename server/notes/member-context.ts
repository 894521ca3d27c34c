import "server-only";
import type { NoteWriter } from "@/db/queries/notes/write";
import type { Actor } from "@/lib/auth/types";
import { mayFileNotes } from "@/lib/notes/access";
import { actorOf } from "@/server/action";
import { getCurrentUser } from "@/server/auth/session";

/**
 * The member gate of every note action and photo upload: the signed-in member who files
 * notes, as the actor of a write (the user, and the client IP read once by the action
 * gate), or null: the caller answers in words, never with a redirect that would lose
 * what was typed. The writes themselves get the writer explicitly and read no request.
 */
export async function noteAuthorOrNull(): Promise<Actor | null> {
  const user = await getCurrentUser();
  if (!user || !mayFileNotes(user)) return null;
  return actorOf(user);
}

/** The writer a note query needs: who, and from which address (for the audit log). */
export function noteWriterOf(actor: Actor): NoteWriter {
  return { id: actor.user.id, username: actor.user.username, ip: actor.ip };
}
