"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AutosaveResult, NoteFormValues } from "@/lib/notes/form-state";

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "invalid" }
  | { kind: "offline" }
  | { kind: "failed"; reason: string };

const QUIET_MS = 2_000;

/**
 * Saves the draft on the server a couple of seconds after the member stops typing.
 * One save at a time, in order: edits made during a save are saved right after it,
 * so an older copy never overwrites a newer one.
 */
export function useAutosave(options: {
  /** The server action that saves the draft (given by the page). */
  save: (input: { clientId: string; values: NoteFormValues }) => Promise<AutosaveResult>;
  clientId: string;
  values: () => NoteFormValues;
  onResult: (result: AutosaveResult) => void;
  networkError: string;
}) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const stopped = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(async () => {
    if (stopped.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    if (!navigator.onLine) {
      // No network: the form is kept on the device (offline/use-offline-note.ts); the
      // server copy is saved when the network returns.
      setStatus({ kind: "offline" });
      return;
    }
    inFlight.current = true;
    setStatus({ kind: "saving" });
    try {
      const { save, clientId, values, onResult } = latest.current;
      const result = await save({ clientId, values: values() });
      if (stopped.current) return;
      onResult(result);
      if (result.ok) setStatus({ kind: "saved", at: new Date(result.savedAt) });
      else if (result.locked) stopped.current = true;
      else if (Object.keys(result.fieldErrors).length > 0) setStatus({ kind: "invalid" });
      else setStatus({ kind: "failed", reason: result.message });
    } catch {
      setStatus({ kind: "failed", reason: latest.current.networkError });
    } finally {
      inFlight.current = false;
      if (again.current && !stopped.current) {
        again.current = false;
        void run();
      }
    }
  }, []);

  const schedule = useCallback(() => {
    if (stopped.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), QUIET_MS);
  }, [run]);

  /** No more saves (the note is being submitted). */
  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);

  /** Saves again after a submission came back refused. */
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    const back = () => {
      if (latestStatus.current === "offline") schedule();
    };
    window.addEventListener("online", back);
    return () => window.removeEventListener("online", back);
  }, [schedule]);
  const latestStatus = useRef(status.kind);
  latestStatus.current = status.kind;

  return { status, schedule, stop, resume };
}
