import {
  addComment,
  answerTransfer,
  reviewNote,
  saveSatisfaction,
  transferNoteAction,
} from "./actions";

/** The forms of one note's page and their server actions, as the page passes them on. */
export const staffNoteActions = {
  review: reviewNote,
  transfer: transferNoteAction,
  answer: answerTransfer,
  satisfaction: saveSatisfaction,
  comment: addComment,
};
