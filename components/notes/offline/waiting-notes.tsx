"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import type { OutboxEntry } from "@/lib/notes/offline";
import { formatDateTime } from "@/lib/time";
import { OUTBOX_CHANNEL } from "./outbox";
import { outboxEntries } from "./store";

const o = m.offline;

/**
 * The member's notes still on this device (待上传), above the list of stored ones: read
 * from IndexedDB, read again whenever the queue changes (a page or the worker sent one).
 */
export function WaitingNotes({ userId, timeZone }: { userId: number; timeZone: string }) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);

  useEffect(() => {
    if (typeof indexedDB === "undefined") return;
    let live = true;
    const read = () =>
      void outboxEntries(userId)
        .then((list) => {
          if (live) setEntries(list.sort((a, b) => a.queuedAt - b.queuedAt));
        })
        .catch(() => undefined);
    read();
    const channel =
      typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(OUTBOX_CHANNEL);
    channel?.addEventListener("message", read);
    window.addEventListener("online", read);
    return () => {
      live = false;
      channel?.close();
      window.removeEventListener("online", read);
    };
  }, [userId]);

  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="waiting-heading" className="space-y-2">
      <h2 id="waiting-heading" className="font-serif text-lg font-bold text-brand-800">
        {o.waitingHeading}
      </h2>
      <p className="text-sm text-muted">{o.waitingHint}</p>
      <ul className="divide-y divide-gold-200 overflow-hidden rounded-md border border-gold-500 bg-gold-100">
        {entries.map((entry) => (
          <li key={entry.clientId} className="p-4 sm:px-5">
            <div className="flex items-start justify-between gap-3">
              <h3 className="min-w-0 break-words font-semibold leading-snug">
                {entry.title || <span className="text-muted">{o.untitled}</span>}
              </h3>
              <span
                className={`shrink-0 whitespace-nowrap rounded px-2 py-0.5 text-sm font-medium text-white ${
                  entry.state === "refused" ? "bg-brand-700" : "bg-gold-700"
                }`}
              >
                {entry.state === "refused" ? o.refusedBadge : o.waitingBadge}
              </span>
            </div>
            <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
              <span>
                {fillNoteMessage(o.queuedAt, {
                  time: formatDateTime(new Date(entry.queuedAt), timeZone),
                })}
              </span>
              {entry.photos.length > 0 && (
                <span>{fillNoteMessage(m.list.photos, { count: entry.photos.length })}</span>
              )}
            </p>
            {entry.state === "refused" && (
              <p className="mt-1.5 text-sm text-brand-800">
                {entry.message}{" "}
                {entry.noteId !== undefined && (
                  <Link href={`/member/notes/${entry.noteId}/edit`} className="underline">
                    {o.refusedOpen}
                  </Link>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
