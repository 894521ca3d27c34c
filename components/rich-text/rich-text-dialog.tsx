"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { inputClass } from "@/components/admin/kit/fields";
import { richTextMessages as m } from "@/lib/messages/rich-text";
import { checkLinkHref } from "@/lib/rich-text/link";

/**
 * The editor's small forms (a link's address, a picture and its description) in a native
 * modal <dialog>: focus moves into it and stays there, Escape closes it, and the page
 * behind is inert. It is put at the end of <body> (a portal), so its <form> is not nested
 * in the article's form. Whoever opens it gets `onClose` once it is shut (to give focus
 * back to the toolbar button).
 */
function ModalDialog(props: {
  title: string;
  submitLabel: string;
  busy?: boolean;
  /** Checks and applies the form; answers whether the dialog may close. */
  onSubmit: () => boolean | Promise<boolean>;
  onClose: () => void;
  /** A third button (removing a link), between the two; given the dialog's close(). */
  extra?: (close: () => void) => ReactNode;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  const close = () => dialog.current?.close();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
    };
  }, []);
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-lg border border-stone-400 bg-white p-5 text-ink shadow-xl backdrop:bg-black/45"
    >
      <form
        method="dialog"
        noValidate
        onSubmit={(event) => {
          // Not the article's form (React passes events up through the portal).
          event.preventDefault();
          event.stopPropagation();
          if (props.busy) return;
          void Promise.resolve(props.onSubmit()).then((done) => {
            if (done) close();
          });
        }}
        className="space-y-4"
      >
        <h2 id={titleId} className="font-serif text-lg font-bold text-brand-800">
          {props.title}
        </h2>
        {props.children}
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <button
            type="button"
            onClick={close}
            className="min-h-11 rounded-md border border-stone-500 bg-white px-4 py-2 text-base hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {m.cancel}
          </button>
          {props.extra?.(close)}
          <button
            type="submit"
            aria-disabled={props.busy ? true : undefined}
            className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-base font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 aria-disabled:opacity-70"
          >
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

/** A labelled text field of the dialogs, with its hint and its error (announced). */
function DialogField(props: {
  label: string;
  hint?: string;
  error?: string;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
  const describedBy =
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {props.label}
      </label>
      {props.children({ id, describedBy })}
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-brand-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

const fieldClass = (error: boolean) => `${inputClass(error)} mt-1 text-base`;

/** Setting, changing or removing a link. `needsText`: nothing is selected, so ask for words. */
export function LinkDialog(props: {
  initialHref: string;
  editing: boolean;
  needsText: boolean;
  onApply: (href: string, text: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const [href, setHref] = useState(props.initialHref);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ href?: string; text?: string }>({});
  const hrefInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLInputElement>(null);

  function submit(): boolean {
    const checked = checkLinkHref(href);
    const next: { href?: string; text?: string } = {};
    if (!checked.ok) next.href = checked.message;
    else if (checked.href === "" && !props.editing) next.href = m.linkRequired;
    if (props.needsText && text.trim() === "" && checked.ok && checked.href !== "") {
      next.text = m.linkTextRequired;
    }
    setErrors(next);
    if (next.href) hrefInput.current?.focus();
    else if (next.text) textInput.current?.focus();
    if (next.href || next.text || !checked.ok) return false;
    if (checked.href === "") props.onRemove();
    else props.onApply(checked.href, text.trim());
    return true;
  }

  return (
    <ModalDialog
      title={props.editing ? m.linkEditTitle : m.linkDialogTitle}
      submitLabel={m.linkSave}
      onSubmit={submit}
      onClose={props.onClose}
      extra={(close) =>
        props.editing ? (
          <button
            type="button"
            onClick={() => {
              props.onRemove();
              close();
            }}
            className="min-h-11 rounded-md border border-brand-700 bg-white px-4 py-2 text-base text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {m.linkRemove}
          </button>
        ) : null
      }
    >
      <DialogField label={m.linkHref} hint={m.linkHrefHint} error={errors.href}>
        {({ id, describedBy }) => (
          <input
            ref={hrefInput}
            id={id}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={href}
            onChange={(event) => setHref(event.currentTarget.value)}
            aria-invalid={errors.href ? true : undefined}
            aria-describedby={describedBy}
            className={fieldClass(Boolean(errors.href))}
          />
        )}
      </DialogField>
      {props.needsText && (
        <DialogField label={m.linkText} hint={m.linkTextHint} error={errors.text}>
          {({ id, describedBy }) => (
            <input
              ref={textInput}
              id={id}
              type="text"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describedBy}
              className={fieldClass(Boolean(errors.text))}
            />
          )}
        </DialogField>
      )}
    </ModalDialog>
  );
}

/** Uploading a picture with its description; the upload's refusal is shown in the dialog. */
export function ImageDialog(props: {
  /** Uploads and inserts; answers a message when that failed, null when it is in. */
  onInsert: (file: File, alt: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const [alt, setAlt] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(): Promise<boolean> {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(m.imageFileRequired);
      fileInput.current?.focus();
      return false;
    }
    setBusy(true);
    setError(undefined);
    const refused = await props.onInsert(file, alt.trim());
    setBusy(false);
    if (refused) {
      setError(refused);
      fileInput.current?.focus();
      return false;
    }
    return true;
  }

  return (
    <ModalDialog
      title={m.imageDialogTitle}
      submitLabel={busy ? m.uploading : m.imageInsert}
      busy={busy}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <DialogField label={m.imageFile} hint={m.imageFileHint} error={error}>
        {({ id, describedBy }) => (
          <input
            ref={fileInput}
            id={id}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={`${fieldClass(Boolean(error))} file:mr-3 file:rounded file:border file:border-stone-400 file:bg-stone-50 file:px-3 file:py-1`}
          />
        )}
      </DialogField>
      <DialogField label={m.imageAlt} hint={m.imageAltHint}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="text"
            value={alt}
            maxLength={200}
            onChange={(event) => setAlt(event.currentTarget.value)}
            aria-describedby={describedBy}
            className={fieldClass(false)}
          />
        )}
      </DialogField>
    </ModalDialog>
  );
}
