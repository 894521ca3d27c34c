"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { checkinMessages } from "@/lib/messages/checkin";

const m = checkinMessages.scanner;

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

type Decode = (video: HTMLVideoElement) => Promise<string | null>;

/** The browser's own detector where it reads QR codes, else jsQR on the frame's pixels. */
async function makeDecoder(): Promise<Decode> {
  const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (native && (await native.getSupportedFormats()).includes("qr_code")) {
    const detector = new native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    // A smaller frame decodes faster and a QR held up to the camera is large anyway.
    const scale = Math.min(1, 640 / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return (
      jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "attemptBoth" })?.data ??
      null
    );
  };
}

/** Chromium's view of the document's Permissions-Policy (not in TypeScript's DOM types). */
interface PolicyView {
  allowsFeature?(feature: string): boolean;
}
const RELOADED_KEY = "lvzhi:camera-policy-reload";

/**
 * The camera is allowed only on the scanner pages' own documents (server.mjs sends
 * camera=(self) for their paths). Arriving by a client-side navigation (e.g. the login's
 * redirect to its `next`) keeps the previous document's camera=(): then load this page
 * once for real. The session flag keeps a page whose policy stays closed from reloading
 * again and again; it is cleared once the camera is allowed.
 */
function reloadIfCameraBlocked(): void {
  const doc = document as Document & { featurePolicy?: PolicyView; permissionsPolicy?: PolicyView };
  const blocked =
    doc.permissionsPolicy?.allowsFeature?.("camera") === false ||
    doc.featurePolicy?.allowsFeature?.("camera") === false;
  try {
    if (!blocked) {
      sessionStorage.removeItem(RELOADED_KEY);
      return;
    }
    if (sessionStorage.getItem(RELOADED_KEY) === location.pathname) return;
    sessionStorage.setItem(RELOADED_KEY, location.pathname);
  } catch {
    // No session storage (private mode, blocked): no reload, no loop.
    return;
  }
  location.reload();
}

/** The same code seen again within this time is the same person still in front of the camera. */
const SAME_CODE_PAUSE_MS = 4_000;
const FRAME_INTERVAL_MS = 200;

/**
 * The camera, for the door and for members: opened by a button (a user's gesture, so the
 * browser asks for permission at a sensible moment), the back camera preferred, every
 * decoded text handed to `onDecode` once (the same text again only after a pause).
 * Without a camera, or with permission refused, it says so; the page's typed form remains.
 */
export function QrScanner({ onDecode }: { onDecode: (text: string) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<number | null>(null);
  const lastRef = useRef<{ text: string; at: number } | null>(null);
  const decodeRef = useRef(onDecode);
  decodeRef.current = onDecode;
  const [state, setState] = useState<"idle" | "starting" | "scanning" | "failed" | "unsupported">(
    "idle",
  );

  const stop = useCallback(() => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    setState((s) => (s === "scanning" || s === "starting" ? "idle" : s));
  }, []);

  useEffect(() => stop, [stop]);
  // On arrival, before anyone presses "start": a reload then loses nothing.
  useEffect(reloadIfCameraBlocked, []);

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState("unsupported");
      return;
    }
    setState("starting");
    // Opening the camera again is a new scan: the same code counts again.
    lastRef.current = null;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" } },
        audio: false,
      });
      streamRef.current = stream;
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      await video.play();
      const decode = await makeDecoder();
      setState("scanning");
      const tick = async () => {
        if (!streamRef.current) return;
        try {
          const text = await decode(video);
          const now = Date.now();
          const last = lastRef.current;
          if (text && !(last && last.text === text && now - last.at < SAME_CODE_PAUSE_MS)) {
            lastRef.current = { text, at: now };
            decodeRef.current(text);
          } else if (text && last?.text === text) {
            last.at = now;
          }
        } catch {
          // One unreadable frame: the next one may do.
        }
        timerRef.current = window.setTimeout(tick, FRAME_INTERVAL_MS);
      };
      void tick();
    } catch {
      stop();
      setState("failed");
    }
  };

  const active = state === "scanning" || state === "starting";
  return (
    <div className="space-y-3">
      <video
        ref={videoRef}
        muted
        playsInline
        aria-label={m.preview}
        className={
          active ? "block aspect-square w-full rounded-lg bg-black object-cover" : "hidden"
        }
      />
      {state === "scanning" && <p className="text-base text-muted">{m.scanning}</p>}
      {state === "failed" && (
        <p
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
        >
          {m.unavailable}
        </p>
      )}
      {state === "unsupported" && (
        <p
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
        >
          {m.unsupported}
        </p>
      )}
      {active ? (
        <button
          type="button"
          onClick={stop}
          className="w-full rounded-md border-2 border-stone-500 bg-white px-5 py-3 text-lg font-semibold text-ink"
        >
          {m.stop}
        </button>
      ) : (
        <button
          type="button"
          onClick={start}
          className="w-full rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800"
        >
          {m.start}
        </button>
      )}
    </div>
  );
}
