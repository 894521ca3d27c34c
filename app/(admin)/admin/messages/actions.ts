"use server";

import {
  markAllMessagesRead,
  markMessageRead,
  openMessage,
  STAFF_INBOX,
} from "@/server/notifications/inbox";

export async function openStaffMessageAction(formData: FormData): Promise<void> {
  await openMessage(formData, STAFF_INBOX);
}

export async function markStaffMessageReadAction(formData: FormData): Promise<void> {
  await markMessageRead(formData, STAFF_INBOX);
}

export async function markAllStaffMessagesReadAction(formData: FormData): Promise<void> {
  await markAllMessagesRead(formData, STAFF_INBOX);
}
