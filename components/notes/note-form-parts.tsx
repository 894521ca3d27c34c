import { FieldError } from "@/components/forms/fields";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import type {
  AutosaveResult,
  NoteFormState,
  NoteFormValues,
  PhotoRemoveResult,
} from "@/lib/notes/form-state";
import { formatTime } from "@/lib/time";
import type { useAutosave } from "./use-autosave";

export interface NoteFormOption {
  id: number;
  name: string;
}

export interface NoteFormLists {
  towns: NoteFormOption[];
  sectors: NoteFormOption[];
  topics: NoteFormOption[];
  /** Events with their date already written out (in the committee's zone). */
  events: (NoteFormOption & { label: string })[];
}

/** The note form's server actions, passed from the page (components never import app/). */
export interface NoteFormServerActions {
  submit: (previous: NoteFormState, formData: FormData) => Promise<NoteFormState>;
  autosave: (input: { clientId: string; values: NoteFormValues }) => Promise<AutosaveResult>;
  removePhoto: (input: { clientId: string; photoId: number }) => Promise<PhotoRemoveResult>;
}

/** One framed part of the form, named by its legend. */
export function NoteFormPart({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <div className="space-y-5 rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
      <fieldset className="min-w-0 space-y-5">
        <legend className="font-serif text-lg font-bold text-brand-800">{legend}</legend>
        {children}
      </fieldset>
    </div>
  );
}

const categories = ["industry", "livelihood", "governance"] as const;

/** The category: three radio buttons under a legend, required at submit. */
export function CategoryChoice({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (category: string) => void;
}) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">
        {m.fields.category}
        <span className="text-sm font-normal text-muted">{m.required}</span>
      </legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-3">
        {categories.map((category) => (
          <label
            key={category}
            className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2.5 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 ${
              error ? "border-brand-700" : "border-stone-300"
            }`}
          >
            <input
              type="radio"
              name="category"
              value={category}
              checked={value === category}
              onChange={() => onChange(category)}
              className="size-4 accent-brand-700"
            />
            {m.categories[category]}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} icon />
    </fieldset>
  );
}

/** The form's last row: what submitting does, the autosave status, the two buttons. */
export function NoteFormFooter({
  pending,
  resubmission,
  autosaveStatus,
}: {
  pending: boolean;
  resubmission: boolean;
  autosaveStatus: string | null;
}) {
  return (
    <div className="flex flex-col gap-3 rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between sm:p-5">
      <div className="text-sm text-muted">
        <p>{m.form.submitHint}</p>
        <p aria-live="polite" className="mt-0.5">
          {autosaveStatus}
        </p>
      </div>
      <div className="flex shrink-0 flex-col-reverse gap-2 sm:flex-row">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={pending}
          className="rounded-md border border-brand-700 bg-white px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70"
        >
          {m.form.saveDraft}
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-6 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? m.form.submitting : resubmission ? m.form.resubmit : m.form.submit}
        </button>
      </div>
    </div>
  );
}

export function autosaveText(status: ReturnType<typeof useAutosave>["status"], timeZone: string) {
  const a = m.form.autosave;
  switch (status.kind) {
    case "saving":
      return a.saving;
    case "saved":
      return fillNoteMessage(a.saved, { time: formatTime(status.at, timeZone) });
    case "invalid":
      return a.invalid;
    case "offline":
      return m.offline.autosaveOffline;
    case "failed":
      return fillNoteMessage(a.failed, { reason: status.reason });
    default:
      return a.idle;
  }
}
