/** One note in the staff console, in parts the note's page composes. */
export { NoteBody } from "./note-body";
export { NoteHeader } from "./note-header";
export { NoteSide, type StaffNoteActions } from "./note-side";
