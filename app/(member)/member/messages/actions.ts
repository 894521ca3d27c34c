"use server";

import {
  MEMBER_INBOX,
  markAllMessagesRead,
  markMessageRead,
  openMessage,
} from "@/server/notifications/inbox";

export async function openMemberMessageAction(formData: FormData): Promise<void> {
  await openMessage(formData, MEMBER_INBOX);
}

export async function markMemberMessageReadAction(formData: FormData): Promise<void> {
  await markMessageRead(formData, MEMBER_INBOX);
}

export async function markAllMemberMessagesReadAction(formData: FormData): Promise<void> {
  await markAllMessagesRead(formData, MEMBER_INBOX);
}
