"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { flushOutbox, OUTBOX_CHANNEL } from "@/components/notes/offline/outbox";
import { sentSince } from "@/components/notes/offline/store";
import { notesMessages as m } from "@/lib/messages/notes";

const WARM_AFTER_MS = 3_000;

/**
 * The member app's client side, in the member area's layout: registers the service
 * worker (public/sw.js, components/pwa/service-worker.ts), has it keep the member shell
 * for offline use, sends notes queued on this device (now, and whenever the network
 * returns), and says plainly when there is no network.
 */
export function MemberApp({ userId }: { userId: number | null }) {
  const [offline, setOffline] = useState(false);
  const router = useRouter();
  /** When the page's data was read (about when its request left). */
  const renderedAt = useRef(typeof performance === "undefined" ? 0 : performance.timeOrigin);

  // Notes sent from this device (by any page or the worker): show the server's lists again.
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.addEventListener("message", (event: MessageEvent<{ sent?: number }>) => {
      if ((event.data?.sent ?? 0) > 0) router.refresh();
    });
    return () => channel.close();
  }, [router]);

  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (userId === null || !navigator.onLine) return;
        // Once the page has settled: the shell is fetched after what the member asked for.
        timer = setTimeout(
          () => registration.active?.postMessage({ type: "warm-member-shell" }),
          WARM_AFTER_MS,
        );
      })
      .catch(() => undefined);
    return () => clearTimeout(timer);
  }, [userId]);

  useEffect(() => {
    if (userId === null || typeof indexedDB === "undefined") return;
    const send = () => {
      if (!navigator.onLine) return;
      // What it sends is announced (announceOutboxChange): the effect above refreshes. A
      // note the worker sent while this page was on its way is not: the page was rendered
      // before the note arrived, so it is shown again (flushOutbox waits for the worker).
      flushOutbox(userId)
        .then(async () => {
          if (await sentSince(renderedAt.current)) {
            renderedAt.current = Date.now();
            router.refresh();
          }
        })
        .catch(() => undefined);
    };
    send();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [userId, router]);

  if (!offline) return null;
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-gold-500 bg-gold-100 px-4 py-3 text-ink print:hidden"
    >
      {m.offline.offlineNow}
    </p>
  );
}
