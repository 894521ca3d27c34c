import "server-only";
import { headers } from "next/headers";
import { getCommitteeInfo } from "@/db/queries/settings";
import type { SessionUser } from "@/lib/auth/types";
import { clientIpFrom } from "@/lib/client-ip";
import { notesMessages as m } from "@/lib/messages/notes";
import { mayFileNotes } from "@/lib/notes/access";
import { localDateKey } from "@/lib/time";
import { getCurrentUser } from "@/server/auth/session";
import type { PhotoErrorCode } from "../images/photo-processing";

/**
 * The first steps of every note action and upload: who is writing (a signed-in member,
 * or null: the caller answers in words, never with a redirect that would lose what was
 * typed) and from which address, for the audit log.
 */
export interface MemberWriter {
  id: number;
  username: string;
  ip: string;
  user: SessionUser;
}

export async function noteWriterOrNull(): Promise<MemberWriter | null> {
  const user = await getCurrentUser();
  if (!user || !mayFileNotes(user)) return null;
  return { id: user.id, username: user.username, ip: clientIpFrom(await headers()), user };
}

/** Today in the committee's time zone ("YYYY-MM-DD"): the latest possible visit date. */
export async function committeeToday(now = new Date()): Promise<string> {
  const { timeZone } = await getCommitteeInfo();
  return localDateKey(now, timeZone);
}

export function photoErrorMessage(code: PhotoErrorCode): string {
  switch (code) {
    case "too_large":
      return m.fieldErrors.photoTooLarge;
    case "not_image":
      return m.fieldErrors.photoNotImage;
    default:
      return m.fieldErrors.photoUnreadable;
  }
}
