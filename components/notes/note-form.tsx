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
import { Input, Select, TextArea } from "@/components/forms/fields";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import {
  type AutosaveResult,
  fieldMaxLength,
  MAX_PHOTO_BYTES,
  type NoteField,
  type NoteFieldErrors,
  type NoteFormState,
  type NoteFormValues,
  type NotePhotoSummary,
} from "@/lib/notes/form-state";
import type { LocalPhoto } from "@/lib/notes/offline";
import { formatTime } from "@/lib/time";
import {
  autosaveText,
  CategoryChoice,
  NoteFormFooter,
  type NoteFormLists,
  type NoteFormOption,
  NoteFormPart,
  type NoteFormServerActions,
} from "./note-form-parts";
import { guardSubmit } from "./offline/guarded-submit";
import { LocalPhotoList, QueuedPanel } from "./offline/offline-parts";
import { toLocalPhotos } from "./offline/resize";
import { useOfflineNote } from "./offline/use-offline-note";
import { PhotoPicker } from "./photo-picker";
import { useAutosave } from "./use-autosave";

/**
 * The field note form. It works as a plain multipart form post without JavaScript (the
 * server action validates, keeps what was typed, and stores photos posted with it).
 * With JavaScript, the draft is saved while the member types, photos upload one by one
 * with progress, and the same action submits in place. The form is also kept on the
 * device (IndexedDB) as it is typed; submitted without network, the note waits there
 * (待上传) and is sent when the network returns; a submission whose answer was lost asks
 * the server what became of it (components/notes/offline/).
 */
export function NoteForm({
  actions,
  initialState,
  permalink,
  lists,
  today,
  timeZone,
  resubmission,
  device = null,
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
  /** The member, for the copy kept on the device (isNew: the new-note page restores it). */
  device?: { userId: number; isNew: boolean } | null;
}) {
  // Without JavaScript the form posts to the server action itself (formAction); with it,
  // onSubmit dispatches the guarded submit below, which survives a lost answer.
  const [formState, formAction, formPending] = useActionState(
    actions.submit,
    initialState,
    permalink,
  );
  const guarded = useRef(actions.submit);
  const [state, guardedAction, guardedPending] = useActionState(
    (previous: NoteFormState, formData: FormData) => guarded.current(previous, formData),
    formState,
  );
  const pending = formPending || guardedPending;
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
  const [localPhotos, setLocalPhotos] = useState<LocalPhoto[]>([]);
  /** Kept on the device once the member has typed or picked something (not a blank form). */
  const touched = useRef(false);
  const onRestore = useCallback((kept: NoteFormValues, photos: LocalPhoto[]) => {
    touched.current = true;
    setValues((current) => ({ ...current, ...kept }));
    setLocalPhotos(photos);
    setNotice(m.offline.restored);
  }, []);
  const offline = useOfflineNote({
    userId: device?.userId ?? null,
    clientId: state.values.clientId,
    isNew: device?.isNew ?? false,
    onRestore,
  });
  const clientId = offline.clientId;
  const { keep } = offline;
  useEffect(() => {
    if (touched.current) keep(values, localPhotos);
  }, [keep, values, localPhotos]);

  guarded.current = guardSubmit({
    submit: actions.submit,
    clientId,
    forget: offline.forget,
    queue: device ? (formData) => offline.queue(formData, localPhotos) : null,
  });

  async function keepOfflinePhotos(files: File[]) {
    const kept = await toLocalPhotos(files, MAX_PHOTO_BYTES);
    if (kept.tooLarge) setNotice(m.fieldErrors.photoTooLarge);
    touched.current = true;
    setLocalPhotos((list) => [...list, ...kept.photos]);
  }

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
  const { savedOnServer } = offline;
  const rememberNote = useCallback(
    (noteId: number) => {
      savedOnServer();
      if (savedAs.current === noteId) return;
      savedAs.current = noteId;
      if (window.location.pathname === "/member/notes/new") {
        window.history.replaceState(null, "", `/member/notes/${noteId}/edit`);
      }
    },
    [savedOnServer],
  );

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
    clientId,
    values: () => valuesRef.current,
    onResult: onAutosave,
    networkError: m.form.unavailable,
  });

  function update(field: NoteField, value: string) {
    touched.current = true;
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
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    const save = formData.get("intent") === "save";
    if (!navigator.onLine && device) {
      // No network: a submission waits on the device; a draft is kept there already.
      if (save) setNotice(m.offline.offlineNow);
      else void offline.queue(formData, localPhotos);
      return;
    }
    autosave.stop();
    for (const photo of localPhotos) {
      formData.append("photos", new File([photo.blob], photo.name, { type: photo.type }));
    }
    startTransition(() => guardedAction(formData));
  }
  useEffect(() => {
    if (!pending) autosave.resume();
  }, [pending, autosave.resume]);

  if (offline.queued) {
    return (
      <QueuedPanel
        entry={offline.queued}
        onAnother={() => window.location.assign("/member/notes/new")}
      />
    );
  }

  const fid = (field: NoteField) => `${id}-${field}`;
  /** A controlled field: its id, value and error, its label's mark, its counter if counted. */
  const field = (
    name: NoteField,
    label: string,
    options: { hint?: string; optional?: boolean; counted?: boolean } = {},
  ) => ({
    id: fid(name),
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      update(name, e.target.value),
    label,
    hint: options.hint,
    error: fieldErrors[name],
    errorIcon: true,
    mark: options.optional ? m.optional : m.required,
    counter:
      options.counted && name in fieldMaxLength
        ? {
            count: values[name].length,
            max: fieldMaxLength[name as keyof typeof fieldMaxLength],
          }
        : undefined,
  });
  const options = (list: NoteFormOption[]) =>
    list.map((o) => ({ value: String(o.id), label: o.name }));
  const h = m.hints;

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
      <input type="hidden" name="clientId" value={clientId} />

      <NoteFormPart legend={m.form.legendBasics}>
        <Input
          {...field("title", m.fields.title, { hint: h.title, counted: true })}
          autoComplete="off"
          maxLength={fieldMaxLength.title + 20}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <Input
            {...field("visitDate", m.fields.visitDate, { hint: h.visitDate })}
            type="date"
            min="2000-01-01"
            max={today}
          />
          <Select
            {...field("sectorId", m.fields.sector)}
            placeholder={m.choose}
            options={options(lists.sectors)}
          />
          <Select
            {...field("townId", m.fields.town)}
            placeholder={m.choose}
            options={options(lists.towns)}
          />
          <Input
            {...field("place", m.fields.place, { hint: h.place, optional: true })}
            maxLength={fieldMaxLength.place + 20}
          />
        </div>
      </NoteFormPart>

      <NoteFormPart legend={m.form.legendContent}>
        <TextArea
          {...field("observation", m.fields.observation, { hint: h.observation, counted: true })}
          rows={8}
        />
        <TextArea
          {...field("suggestion", m.fields.suggestion, { hint: h.suggestion, counted: true })}
          rows={5}
        />
        <TextArea
          {...field("peopleMet", m.fields.peopleMet, {
            hint: h.peopleMet,
            optional: true,
            counted: true,
          })}
          rows={2}
        />
      </NoteFormPart>

      <NoteFormPart legend={m.form.legendLinks}>
        <CategoryChoice
          id={fid("category")}
          value={values.category}
          error={fieldErrors.category}
          onChange={(category) => update("category", category)}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <Select
            {...field("eventId", m.fields.event, { hint: h.event, optional: true })}
            placeholder={m.none}
            options={lists.events.map((e) => ({
              value: String(e.id),
              label: `${e.label} ${e.name}`,
            }))}
          />
          <Select
            {...field("topicId", m.fields.topic, { hint: h.topic, optional: true })}
            placeholder={m.none}
            options={options(lists.topics)}
          />
        </div>
      </NoteFormPart>

      <NoteFormPart legend={m.form.legendPhotos}>
        <LocalPhotoList
          photos={localPhotos}
          onRemove={(key) => setLocalPhotos((list) => list.filter((p) => p.key !== key))}
        />
        <PhotoPicker
          removePhoto={actions.removePhoto}
          enhanced={enhanced}
          clientId={clientId}
          localCount={localPhotos.length}
          onOfflinePick={device ? (files) => void keepOfflinePhotos(files) : undefined}
          photos={photos}
          onPhotosChange={setPhotos}
          onNoteSaved={rememberNote}
          onBusyChange={setUploading}
          error={fieldErrors.photos}
        />
      </NoteFormPart>

      <NoteFormFooter
        pending={pending}
        resubmission={resubmission}
        autosaveStatus={enhanced ? autosaveText(autosave.status, timeZone) : null}
      />
      {offline.keptAt && (
        <p className="text-sm text-muted">
          {fillNoteMessage(m.offline.keptOnDevice, { time: formatTime(offline.keptAt, timeZone) })}
        </p>
      )}
    </form>
  );
}
