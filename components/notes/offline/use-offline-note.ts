"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { NoteFormValues } from "@/lib/notes/form-state";
import type { LocalPhoto, OutboxEntry } from "@/lib/notes/offline";
import { announceOutboxChange, flushOutbox, requestBackgroundSync } from "./outbox";
import {
  dropLocalDraft,
  isUsedClientId,
  latestNewDraft,
  markUsed,
  queueNote,
  readLocalDraft,
  saveLocalDraft,
} from "./store";

const KEEP_AFTER_MS = 400;

async function readDraftAndDemote(clientId: string) {
  const draft = await readLocalDraft(clientId).catch(() => undefined);
  if (draft?.isNew) await saveLocalDraft({ ...draft, isNew: false }).catch(() => undefined);
}

/** A fresh client id where the page's own cannot be used (crypto.randomUUID needs https). */
function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The note form's copy on the device (components/notes/offline/store.ts): what is typed
 * and the photos picked without network are kept as the member types; reopening the
 * new-note page offers the last unsent draft again. A note submitted without network is
 * queued with its client id and photos and sent when the network returns.
 */
export function useOfflineNote(options: {
  /** The member (null: no device copy, e.g. the page has no member). */
  userId: number | null;
  clientId: string;
  isNew: boolean;
  /** Called once on mount with what the device kept, when there is something to restore. */
  onRestore: (values: NoteFormValues, photos: LocalPhoto[]) => void;
}) {
  const { userId, isNew } = options;
  const [clientId, setClientId] = useState(options.clientId);
  const [keptAt, setKeptAt] = useState<Date | null>(null);
  const [queued, setQueued] = useState<OutboxEntry | null>(null);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onRestore = useRef(options.onRestore);
  onRestore.current = options.onRestore;
  const initialClientId = useRef(options.clientId);
  /** The server has this note (autosaved): its own page opens it, not the new-note page. */
  const onServer = useRef(!isNew);

  useEffect(() => {
    if (userId === null || typeof indexedDB === "undefined") return;
    let cancelled = false;
    (async () => {
      // Only the new-note page restores: an existing note's page shows the server's copy,
      // which autosave keeps current while there is network.
      const kept = isNew ? await latestNewDraft(userId) : undefined;
      if (cancelled) return;
      if (kept && kept.userId === userId) {
        setClientId(kept.clientId);
        setKeptAt(new Date(kept.updatedAt));
        onRestore.current(kept.values, kept.photos);
      } else if (isNew && (await isUsedClientId(initialClientId.current))) {
        // A page served from the cache again: its id went with a note already queued.
        if (!cancelled) setClientId(newClientId());
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [userId, isNew]);

  const keptPhotos = useRef<LocalPhoto[] | null>(null);
  /**
   * Keeps the form on the device shortly after the member stops typing, and at once when
   * the photos changed (a photo is one deliberate act: the page may be closed right after).
   */
  const keep = useCallback(
    (values: NoteFormValues, photos: LocalPhoto[]) => {
      if (userId === null || !ready) return;
      clearTimeout(timer.current);
      const photosChanged = keptPhotos.current !== null && keptPhotos.current !== photos;
      keptPhotos.current = photos;
      timer.current = setTimeout(
        () => {
          const updatedAt = Date.now();
          saveLocalDraft({ clientId, userId, isNew: !onServer.current, values, photos, updatedAt })
            .then(() => setKeptAt(new Date(updatedAt)))
            .catch(() => undefined);
        },
        photosChanged ? 0 : KEEP_AFTER_MS,
      );
    },
    [clientId, userId, ready],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Queues the submission (the form's fields and the device's photos) to send later. */
  const queue = useCallback(
    async (formData: FormData, photos: LocalPhoto[]) => {
      if (userId === null) return null;
      clearTimeout(timer.current);
      const fields: [string, string][] = [];
      for (const [name, value] of formData.entries()) {
        if (typeof value === "string" && name !== "intent") fields.push([name, value]);
      }
      fields.push(["intent", "submit"]);
      const entry: OutboxEntry = {
        clientId,
        userId,
        title: String(formData.get("title") ?? ""),
        fields,
        photos,
        queuedAt: Date.now(),
        state: "waiting",
        attempts: 0,
      };
      await queueNote(entry);
      setQueued(entry);
      announceOutboxChange();
      // Where the browser has Background Sync, the worker sends it even with the tab closed;
      // elsewhere the next `online` event or page open does (components/pwa).
      if (!(await requestBackgroundSync()) && navigator.onLine) void flushOutbox(userId);
      return entry;
    },
    [clientId, userId],
  );

  /**
   * Autosave stored the note on the server: reopening the new-note page starts afresh, and
   * a copy of this page the service worker kept (it carries the same client id) takes a new
   * id when it opens, so that it never writes over this draft.
   */
  const savedOnServer = useCallback(() => {
    if (onServer.current) return;
    onServer.current = true;
    void readDraftAndDemote(clientId);
    void markUsed(clientId).catch(() => undefined);
  }, [clientId]);

  /** The server has the note: the device's copy is no longer needed. */
  const forget = useCallback(async () => {
    clearTimeout(timer.current);
    await Promise.all([dropLocalDraft(clientId), markUsed(clientId)]).catch(() => undefined);
  }, [clientId]);

  return { clientId, keptAt, queued, ready, keep, queue, forget, savedOnServer };
}
