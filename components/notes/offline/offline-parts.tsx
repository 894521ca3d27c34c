"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import type { LocalPhoto, OutboxEntry } from "@/lib/notes/offline";

const o = m.offline;

/** The answer to a note submitted without network: it waits on the device (待上传). */
export function QueuedPanel({ entry, onAnother }: { entry: OutboxEntry; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="queued-heading"
      className="rounded-md border-2 border-gold-500 bg-gold-100 p-5 shadow-sm"
    >
      <h2
        id="queued-heading"
        ref={heading}
        tabIndex={-1}
        className="flex items-start gap-2 font-serif text-xl font-bold text-brand-800"
      >
        <span className="shrink-0 whitespace-nowrap rounded bg-gold-700 px-2 py-0.5 text-base text-white">
          {o.queuedTitle}
        </span>
        <span className="min-w-0 break-words">{entry.title || o.untitled}</span>
      </h2>
      <p role="status" className="mt-3 leading-relaxed text-ink">
        {o.queued}
      </p>
      <div className="mt-4 flex flex-col gap-2 sm:flex-row">
        <button
          type="button"
          onClick={onAnother}
          className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {o.queuedAnother}
        </button>
        <Link
          href="/member/notes"
          className="rounded-md border border-brand-700 bg-white px-5 py-2.5 text-center font-semibold text-brand-700 hover:bg-brand-50"
        >
          {o.queuedList}
        </Link>
      </div>
    </section>
  );
}

/** Photos picked without network: kept on the device, sent with the note. */
export function LocalPhotoList({
  photos,
  onRemove,
}: {
  photos: LocalPhoto[];
  onRemove: (key: string) => void;
}) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    const made: Record<string, string> = {};
    for (const photo of photos) made[photo.key] = URL.createObjectURL(photo.blob);
    setUrls(made);
    return () => {
      for (const url of Object.values(made)) URL.revokeObjectURL(url);
    };
  }, [photos]);
  if (photos.length === 0) return null;
  return (
    <ul className="mb-4 grid grid-cols-3 gap-3 sm:grid-cols-5" aria-label={o.localPhoto}>
      {photos.map((photo) => (
        <li key={photo.key}>
          {urls[photo.key] && (
            // biome-ignore lint/performance/noImgElement: a local preview of a photo on the device
            <img
              src={urls[photo.key]}
              alt={photo.name}
              className="aspect-square w-full rounded-md border border-gold-500 bg-stone-100 object-cover"
            />
          )}
          <p className="mt-1 text-xs text-gold-700">{o.localPhoto}</p>
          <button
            type="button"
            onClick={() => onRemove(photo.key)}
            aria-label={fillNoteMessage(o.localPhotoRemove, { name: photo.name })}
            className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm text-brand-700 hover:border-brand-600"
          >
            {m.photos.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
