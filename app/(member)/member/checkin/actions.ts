"use server";

import { confirmMemberCheckin, type MemberCheckinState } from "@/server/checkin/member";

/** 确认签到: records the member's attendance at the event (server/checkin/member.ts). */
export async function confirmMemberCheckinAction(
  _previous: MemberCheckinState,
  formData: FormData,
): Promise<MemberCheckinState> {
  return confirmMemberCheckin(formData);
}
