"use client";

import { useEffect, useState } from "react";
import { checkinMessages } from "@/lib/messages/checkin";
import { QrScanner } from "./qr-scanner";

const m = checkinMessages.member;

/** The event's check-in address, if this text is one of this site's; else null. */
function checkinAddress(text: string): string | null {
  try {
    const url = new URL(text, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname !== "/member/checkin") return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * The member's in-app scanner: reads the event's check-in QR and opens the address it
 * carries (the same page the phone's own camera app would open). Anything else is refused
 * here, without leaving the page.
 */
export function MemberScanner() {
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  useEffect(() => setReady(true), []);
  const onDecode = (text: string) => {
    const address = checkinAddress(text);
    if (!address) {
      setNotice({ tone: "error", text: m.foreign });
      return;
    }
    setNotice({ tone: "ok", text: m.opening });
    window.location.assign(address);
  };
  return (
    <div className="space-y-4">
      <div
        aria-live="assertive"
        aria-atomic="true"
        className={
          notice
            ? `rounded-xl border-4 p-4 text-xl font-bold ${
                notice.tone === "ok"
                  ? "border-emerald-700 bg-emerald-50 text-emerald-950"
                  : "border-brand-700 bg-brand-50 text-brand-900"
              }`
            : "sr-only"
        }
      >
        {notice?.text ?? ""}
      </div>
      {ready && <QrScanner onDecode={onDecode} />}
    </div>
  );
}
