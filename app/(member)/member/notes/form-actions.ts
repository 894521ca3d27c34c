import { autosaveNoteDraft, removeDraftPhoto, submitNoteForm } from "./actions";

/** The note form's server actions, as the new and edit pages pass them to the form. */
export const noteFormActions = {
  submit: submitNoteForm,
  autosave: autosaveNoteDraft,
  removePhoto: removeDraftPhoto,
};
