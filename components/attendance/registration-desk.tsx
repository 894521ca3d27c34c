"use client";

import { lazy, type ReactNode, useActionState, useEffect, useRef } from "react";
import { lookupSubmitClass } from "@/components/forms/submit-class";
import type { DeskAction, DeskState } from "./desk-state";

export type { DeskAction, DeskResult, DeskState } from "./desk-state";

/** Where a desk form posts without JavaScript: the page that shows its answer. */
const DESK_PAGE = "/registrations";

const idleDesk: DeskState = {
  status: "idle",
  message: null,
  fieldErrors: {},
  values: { code: "" },
};

// What the desk draws once it has an answer, and its words: loaded when a reader starts
// using the form (or the answer comes), not with the page. Without JavaScript the server
// draws the same components.
const loadAnswer = () => import("./registration-answer");
const DeskAnswer = lazy(() => loadAnswer().then((m) => ({ default: m.DeskAnswer })));
const RefusedLookup = lazy(() => loadAnswer().then((m) => ({ default: m.RefusedLookup })));

/** A code handed on in a link's fragment (`/registrations#code=K7QM-3XPD`), if any. */
function codeFromFragment(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, "")).get("code")?.trim() ?? "";
  return /^[0-9A-Za-z -]{8,20}$/.test(code) ? code : null;
}

/**
 * Looking up and cancelling a registration by its code. The code only ever travels in a
 * POST body (the desk's server action) or a link's fragment, never in a path or query
 * string, so no proxy or access log keeps it. Without JavaScript every form here posts to
 * /registrations, whose page renders this desk with the action's answer; with it, the
 * answer replaces the desk in place (on /registrations, or after registering, on the
 * event's pages). The lookup's field comes drawn by the server (`children`, with
 * `submitLabel`); a link that carries the code in its fragment, which browsers never send,
 * fills the field and looks it up once the page runs its script.
 */
export function RegistrationDesk({
  action,
  initial,
  submitLabel,
  children,
}: {
  action: DeskAction;
  /** After registering: the new registration, shown at once. */
  initial?: DeskState;
  submitLabel?: string;
  /** The lookup's field before any answer (lookup-field.tsx, drawn on the server). */
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initial ?? idleDesk, DESK_PAGE);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = formRef.current;
    const input = form?.elements.namedItem("code");
    if (!form || !(input instanceof HTMLInputElement) || input.value) return;
    const code = codeFromFragment(window.location.hash);
    if (!code) return;
    input.value = code;
    form.requestSubmit();
  }, []);

  if (state.result) return <DeskAnswer state={state} result={state.result} action={formAction} />;
  return (
    <form
      ref={formRef}
      action={formAction}
      onFocus={() => void loadAnswer()}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
    >
      {state.status === "idle" ? (
        <>
          {children}
          <button type="submit" disabled={pending} className={lookupSubmitClass}>
            {submitLabel}
          </button>
        </>
      ) : (
        <RefusedLookup typed={state.values.code ?? ""} error={state.message} pending={pending} />
      )}
    </form>
  );
}
