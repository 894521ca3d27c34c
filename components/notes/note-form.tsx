"use client";

import {
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { notesMessages as m } from "@/lib/messages/notes";
import {
  type AutosaveResult,
  fieldMaxLength,
  type NoteField,
  type NoteFieldErrors,
  type NoteFormState,
  type NotePhotoSummary,
} from "@/lib/notes/form-state";
import { controlClass, describedBy, Field, FieldError } from "./form-field";
import {
  autosaveText,
  NoteFormFooter,
  type NoteFormLists,
  type NoteFormServerActions,
} from "./note-form-parts";
import { PhotoPicker } from "./photo-picker";
import { useAutosave } from "./use-autosave";

const categories = ["industry", "livelihood", "governance"] as const;

/**
 * The field note form. It works as a plain multipart form post without JavaScript (the
 * server action validates, keeps what was typed, and stores photos posted with it).
 * With JavaScript, the draft is saved while the member types, photos upload one by one
 * with progress, and the same action submits in place.
 */
export function NoteForm({
  actions,
  initialState,
  permalink,
  lists,
  today,
  timeZone,
  resubmission,
}: {
  /** The server actions, given by the page. */
  actions: NoteFormServerActions;
  initialState: NoteFormState;
  /** Where the form posts without JavaScript, and where its refusals are shown. */
  permalink: string;
  lists: NoteFormLists;
  today: string;
  timeZone: string;
  /** A returned note: submitting sends it back to staff. */
  resubmission: boolean;
}) {
  const [state, formAction, pending] = useActionState(actions.submit, initialState, permalink);
  const id = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [values, setValues] = useState(state.values);
  const [fieldErrors, setFieldErrors] = useState<NoteFieldErrors>(state.fieldErrors);
  const [photos, setPhotos] = useState<NotePhotoSummary[]>(state.result.photos);
  const [uploading, setUploading] = useState(false);
  const [notice, setNotice] = useState<string | null>(state.message);
  const [seenState, setSeenState] = useState(state);
  const alertRef = useRef<HTMLDivElement>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const savedAs = useRef<number | null>(state.result.noteId);

  // A new answer from the action: its messages and stored photos replace ours; what the
  // member typed stays as it is in the controls.
  if (state !== seenState) {
    setSeenState(state);
    setFieldErrors(state.fieldErrors);
    setPhotos(state.result.photos);
    setNotice(state.message);
  }

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (state.message) alertRef.current?.focus();
  }, [state]);

  /** Once the draft exists, a reload of the page should open it, not a blank form. */
  const rememberNote = useCallback((noteId: number) => {
    if (savedAs.current === noteId) return;
    savedAs.current = noteId;
    if (window.location.pathname === "/member/notes/new") {
      window.history.replaceState(null, "", `/member/notes/${noteId}/edit`);
    }
  }, []);

  useEffect(() => {
    if (state.result.noteId !== null) rememberNote(state.result.noteId);
  }, [state, rememberNote]);

  const onAutosave = useCallback(
    (result: AutosaveResult) => {
      if (result.ok) {
        rememberNote(result.noteId);
        return;
      }
      setFieldErrors((errors) => ({ ...errors, ...result.fieldErrors }));
      if (result.locked) setNotice(result.message);
    },
    [rememberNote],
  );
  const autosave = useAutosave({
    save: actions.autosave,
    clientId: state.values.clientId,
    values: () => valuesRef.current,
    onResult: onAutosave,
    networkError: m.form.unavailable,
  });

  function update(field: NoteField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const { [field]: _gone, ...rest } = errors;
      return rest;
    });
    autosave.schedule();
  }

  /**
   * With JavaScript the action is dispatched here rather than by the form itself: React
   * resets a form after its action, and the member's choices (the category's radio
   * buttons too) must stay as they are when the answer is a refusal.
   */
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) {
      setNotice(m.photos.waitForUploads);
      alertRef.current?.focus();
      return;
    }
    autosave.stop();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  }
  useEffect(() => {
    if (!pending) autosave.resume();
  }, [pending, autosave.resume]);

  const fid = (field: NoteField) => `${id}-${field}`;
  const text = (field: NoteField, options: { hint?: string } = {}) => ({
    id: fid(field),
    name: field,
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      update(field, e.target.value),
    "aria-invalid": fieldErrors[field] ? true : undefined,
    "aria-describedby": describedBy(fid(field), Boolean(options.hint), fieldErrors[field]),
    className: controlClass(fieldErrors[field]),
  });
  const counter = (field: keyof typeof fieldMaxLength) => ({
    count: values[field].length,
    max: fieldMaxLength[field],
  });

  const legend = "font-serif text-lg font-bold text-brand-800";
  const box = "space-y-5 rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:p-6";

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      {notice && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-brand-800"
        >
          {notice}
        </div>
      )}
      <input type="hidden" name="clientId" value={state.values.clientId} />

      <div className={box}>
        <fieldset className="min-w-0 space-y-5">
          <legend className={legend}>{m.form.legendBasics}</legend>
          <Field
            id={fid("title")}
            label={m.fields.title}
            required
            hint={m.hints.title}
            error={fieldErrors.title}
            counter={counter("title")}
          >
            <input
              type="text"
              autoComplete="off"
              maxLength={fieldMaxLength.title + 20}
              {...text("title", { hint: m.hints.title })}
            />
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id={fid("visitDate")}
              label={m.fields.visitDate}
              required
              hint={m.hints.visitDate}
              error={fieldErrors.visitDate}
            >
              <input
                type="date"
                min="2000-01-01"
                max={today}
                {...text("visitDate", { hint: m.hints.visitDate })}
              />
            </Field>
            <Field
              id={fid("sectorId")}
              label={m.fields.sector}
              required
              error={fieldErrors.sectorId}
            >
              <select {...text("sectorId")}>
                <option value="">{m.choose}</option>
                {lists.sectors.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={fid("townId")} label={m.fields.town} required error={fieldErrors.townId}>
              <select {...text("townId")}>
                <option value="">{m.choose}</option>
                {lists.towns.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fid("place")}
              label={m.fields.place}
              required={false}
              hint={m.hints.place}
              error={fieldErrors.place}
            >
              <input
                type="text"
                maxLength={fieldMaxLength.place + 20}
                {...text("place", { hint: m.hints.place })}
              />
            </Field>
          </div>
        </fieldset>
      </div>

      <div className={box}>
        <fieldset className="min-w-0 space-y-5">
          <legend className={legend}>{m.form.legendContent}</legend>
          <Field
            id={fid("observation")}
            label={m.fields.observation}
            required
            hint={m.hints.observation}
            error={fieldErrors.observation}
            counter={counter("observation")}
          >
            <textarea rows={8} {...text("observation", { hint: m.hints.observation })} />
          </Field>
          <Field
            id={fid("suggestion")}
            label={m.fields.suggestion}
            required
            hint={m.hints.suggestion}
            error={fieldErrors.suggestion}
            counter={counter("suggestion")}
          >
            <textarea rows={5} {...text("suggestion", { hint: m.hints.suggestion })} />
          </Field>
          <Field
            id={fid("peopleMet")}
            label={m.fields.peopleMet}
            required={false}
            hint={m.hints.peopleMet}
            error={fieldErrors.peopleMet}
            counter={counter("peopleMet")}
          >
            <textarea rows={2} {...text("peopleMet", { hint: m.hints.peopleMet })} />
          </Field>
        </fieldset>
      </div>

      <div className={box}>
        <fieldset className="min-w-0 space-y-5">
          <legend className={legend}>{m.form.legendLinks}</legend>
          <fieldset
            aria-describedby={fieldErrors.category ? `${fid("category")}-error` : undefined}
          >
            <legend className="font-medium">
              {m.fields.category}
              <span className="text-sm font-normal text-muted">{m.required}</span>
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {categories.map((category) => (
                <label
                  key={category}
                  className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2.5 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 ${
                    fieldErrors.category ? "border-brand-700" : "border-stone-300"
                  }`}
                >
                  <input
                    type="radio"
                    name="category"
                    value={category}
                    checked={values.category === category}
                    onChange={() => update("category", category)}
                    className="size-4 accent-brand-700"
                  />
                  {m.categories[category]}
                </label>
              ))}
            </div>
            <FieldError id={fid("category")} error={fieldErrors.category} />
          </fieldset>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id={fid("eventId")}
              label={m.fields.event}
              required={false}
              hint={m.hints.event}
              error={fieldErrors.eventId}
            >
              <select {...text("eventId", { hint: m.hints.event })}>
                <option value="">{m.none}</option>
                {lists.events.map((e) => (
                  <option key={e.id} value={String(e.id)}>
                    {e.label} {e.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fid("topicId")}
              label={m.fields.topic}
              required={false}
              hint={m.hints.topic}
              error={fieldErrors.topicId}
            >
              <select {...text("topicId", { hint: m.hints.topic })}>
                <option value="">{m.none}</option>
                {lists.topics.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
      </div>

      <div className={box}>
        <fieldset className="min-w-0 space-y-5">
          <legend className={legend}>{m.form.legendPhotos}</legend>
          <PhotoPicker
            removePhoto={actions.removePhoto}
            enhanced={enhanced}
            clientId={state.values.clientId}
            photos={photos}
            onPhotosChange={setPhotos}
            onNoteSaved={rememberNote}
            onBusyChange={setUploading}
            error={fieldErrors.photos}
          />
        </fieldset>
      </div>

      <NoteFormFooter
        pending={pending}
        resubmission={resubmission}
        autosaveStatus={enhanced ? autosaveText(autosave.status, timeZone) : null}
      />
    </form>
  );
}
