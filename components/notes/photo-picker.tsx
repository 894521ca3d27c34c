"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { describedBy, FieldError } from "@/components/forms/fields";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  type NotePhotoSummary,
  PHOTO_UPLOAD_HEADER,
  PHOTO_UPLOAD_URL,
  type PhotoRemoveResult,
  type PhotoUploadResult,
} from "@/lib/notes/form-state";
import { PHOTO_ACCEPT } from "@/lib/notes/image-type";

interface Upload {
  key: string;
  file: File;
  preview: string;
  progress: number;
  state: "queued" | "uploading" | "failed";
  error?: string;
}

function sendPhoto(
  file: File,
  clientId: string,
  onProgress: (percent: number) => void,
): Promise<PhotoUploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${PHOTO_UPLOAD_URL}?clientId=${encodeURIComponent(clientId)}`);
    xhr.setRequestHeader(PHOTO_UPLOAD_HEADER, "1");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      // Refused by the server before the route read it (server.mjs's body limit): a page, not JSON.
      if (xhr.status === 413) {
        resolve({ ok: false, message: m.fieldErrors.photoTooLarge });
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as PhotoUploadResult);
      } catch {
        resolve({ ok: false, message: m.form.unavailable });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: m.form.unavailable });
    xhr.send(file);
  });
}

/**
 * The note's photos. With JavaScript, each picked photo is uploaded at once (one after
 * another, XMLHttpRequest for its progress bar) and stored with the draft; a stored one
 * is deleted with its button. Without JavaScript it is a plain file input posted with
 * the form, and stored photos have a checkbox to delete them on submit.
 */
export function PhotoPicker({
  removePhoto,
  enhanced,
  clientId,
  photos,
  onPhotosChange,
  onNoteSaved,
  onBusyChange,
  error,
  localCount = 0,
  onOfflinePick,
}: {
  /** The server action that takes a stored photo off the draft (given by the page). */
  removePhoto: (input: { clientId: string; photoId: number }) => Promise<PhotoRemoveResult>;
  enhanced: boolean;
  clientId: string;
  photos: NotePhotoSummary[];
  onPhotosChange: (update: (photos: NotePhotoSummary[]) => NotePhotoSummary[]) => void;
  onNoteSaved: (noteId: number) => void;
  onBusyChange: (busy: boolean) => void;
  error: string | undefined;
  /** Photos kept on the device, not yet sent (they count toward the nine). */
  localCount?: number;
  /** Without network, picked photos go here (kept on the device) instead of uploading. */
  onOfflinePick?: (files: File[]) => void;
}) {
  const id = useId();
  const inputId = `${id}-photos`;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const previews = useRef(new Set<string>());

  const busy = uploads.some((u) => u.state !== "failed");
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);
  useEffect(() => {
    const urls = previews.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const drop = useCallback((key: string) => {
    setUploads((list) => {
      const gone = list.find((u) => u.key === key);
      if (gone) {
        URL.revokeObjectURL(gone.preview);
        previews.current.delete(gone.preview);
      }
      return list.filter((u) => u.key !== key);
    });
  }, []);

  const enqueue = useCallback(
    (upload: Upload) => {
      chain.current = chain.current.then(async () => {
        patch(upload.key, { state: "uploading", progress: 0, error: undefined });
        const result = await sendPhoto(upload.file, clientId, (progress) =>
          patch(upload.key, { progress }),
        );
        if (result.ok) {
          onPhotosChange((list) =>
            list.some((p) => p.id === result.photo.id) ? list : [...list, result.photo],
          );
          onNoteSaved(result.noteId);
          drop(upload.key);
        } else {
          patch(upload.key, { state: "failed", error: result.message });
        }
      });
    },
    [clientId, drop, onNoteSaved, onPhotosChange, patch],
  );

  function pick(event: React.ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = "";
    setNotice(null);
    const room =
      MAX_PHOTOS - photos.length - localCount - uploads.filter((u) => u.state !== "failed").length;
    if (picked.length > room) setNotice(m.fieldErrors.photosTooMany);
    if (onOfflinePick && !navigator.onLine) {
      onOfflinePick(picked.slice(0, Math.max(0, room)));
      return;
    }
    const added: Upload[] = picked.slice(0, Math.max(0, room)).map((file) => {
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      const tooLarge = file.size > MAX_PHOTO_BYTES;
      return {
        key: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
        file,
        preview,
        progress: 0,
        state: tooLarge ? "failed" : "queued",
        error: tooLarge ? m.fieldErrors.photoTooLarge : undefined,
      };
    });
    setUploads((list) => [...list, ...added]);
    for (const upload of added) if (upload.state === "queued") enqueue(upload);
  }

  async function remove(photo: NotePhotoSummary) {
    setNotice(null);
    const result = await removePhoto({ clientId, photoId: photo.id }).catch(() => ({
      ok: false as const,
      message: m.form.unavailable,
    }));
    if (result.ok) onPhotosChange((list) => list.filter((p) => p.id !== photo.id));
    else setNotice(result.message);
  }

  const shownError = error ?? notice ?? undefined;
  const full =
    photos.length + localCount + uploads.filter((u) => u.state !== "failed").length >= MAX_PHOTOS;

  return (
    <div>
      {(photos.length > 0 || uploads.length > 0) && (
        <ul className="mb-4 grid grid-cols-3 gap-3 sm:grid-cols-5">
          {photos.map((photo, index) => (
            <li key={photo.id} className="relative">
              {/* biome-ignore lint/performance/noImgElement: a private, per-user image; next/image would cache it publicly */}
              <img
                src={photo.url}
                alt={fillNoteMessage(m.photos.alt, { n: index + 1 })}
                className="aspect-square w-full rounded-md border border-stone-200 bg-stone-100 object-cover"
                loading="lazy"
              />
              {enhanced ? (
                <button
                  type="button"
                  onClick={() => void remove(photo)}
                  aria-label={fillNoteMessage(m.photos.removeLabel, { n: index + 1 })}
                  className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm text-brand-700 hover:border-brand-600"
                >
                  {m.photos.remove}
                </button>
              ) : (
                <label className="mt-1 flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    name="removePhoto"
                    value={photo.id}
                    className="size-4 accent-brand-700"
                  />
                  {fillNoteMessage(m.photos.removeLabel, { n: index + 1 })}
                </label>
              )}
            </li>
          ))}
          {uploads.map((upload) => (
            <li key={upload.key} className="relative">
              <div className="flex aspect-square w-full items-center justify-center overflow-hidden rounded-md border border-stone-200 bg-stone-100 text-center text-xs text-muted">
                {/* biome-ignore lint/performance/noImgElement: a local preview of a file not yet uploaded */}
                <img
                  src={upload.preview}
                  alt=""
                  className="h-full w-full object-cover"
                  onError={(e) => {
                    e.currentTarget.hidden = true;
                  }}
                />
                <span className="absolute px-1">{upload.file.name}</span>
              </div>
              {upload.state === "failed" ? (
                <div className="mt-1 text-xs">
                  <p className="font-medium text-brand-700" role="alert">
                    {fillNoteMessage(m.photos.failed, { reason: upload.error ?? "" })}
                  </p>
                  <div className="mt-1 flex gap-1">
                    {upload.file.size <= MAX_PHOTO_BYTES && (
                      <button
                        type="button"
                        className="rounded border border-stone-300 bg-white px-1.5 py-0.5"
                        onClick={() => enqueue(upload)}
                      >
                        {m.photos.retry}
                      </button>
                    )}
                    <button
                      type="button"
                      className="rounded border border-stone-300 bg-white px-1.5 py-0.5"
                      onClick={() => drop(upload.key)}
                    >
                      {m.photos.dismiss}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="mt-1">
                  <progress
                    max={100}
                    value={upload.progress}
                    aria-label={fillNoteMessage(m.photos.progressLabel, { name: upload.file.name })}
                    className="h-2 w-full accent-brand-700"
                  />
                  <p className="text-xs text-muted">
                    {upload.state === "queued"
                      ? m.photos.waiting
                      : fillNoteMessage(m.photos.uploading, { percent: upload.progress })}
                  </p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <label htmlFor={inputId} className="font-medium">
        {photos.length > 0 ? m.photos.addMore : m.photos.add}
        <span className="text-sm font-normal text-muted">{m.optional}</span>
      </label>
      <input
        id={inputId}
        type="file"
        name={enhanced ? undefined : "photos"}
        multiple
        accept={PHOTO_ACCEPT}
        disabled={enhanced && full}
        onChange={enhanced ? pick : undefined}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(inputId, true, shownError)}
        className="mt-1 block w-full text-sm text-muted file:mr-3 file:rounded-md file:border file:border-brand-700 file:bg-white file:px-3 file:py-2 file:font-medium file:text-brand-700 hover:file:bg-brand-50 disabled:opacity-60"
      />
      <p id={`${inputId}-hint`} className="mt-1 text-sm text-muted">
        {m.hints.photos} {fillNoteMessage(m.photos.count, { count: photos.length + localCount })}
      </p>
      <FieldError id={inputId} error={shownError} icon />
    </div>
  );
}
