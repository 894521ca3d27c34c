import type { Metadata } from "next";
import { MemberScanner } from "@/components/checkin/member-scanner";
import { checkinMessages } from "@/lib/messages/checkin";
import { requireUser } from "@/server/auth/session";

const m = checkinMessages.member;

export const metadata: Metadata = { title: m.scanTitle, robots: { index: false } };

/**
 * The member's scanner for the event's check-in QR (the camera is allowed on this page
 * only, server.mjs). A phone's own camera app opening the QR's address does the same.
 */
export default async function MemberScanPage() {
  await requireUser({ roles: ["member"], next: "/member/checkin/scan" });
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-serif text-2xl font-bold text-ink sm:text-3xl">{m.scanTitle}</h1>
      <p className="text-muted">{m.scanIntro}</p>
      <MemberScanner />
    </div>
  );
}
