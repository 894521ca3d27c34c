import {
  gatherNotesAction,
  removeNoteAction,
  setMembersAction,
  updateTopicAction,
} from "./actions";
import { uploadReportImageAction } from "./image-actions";

/** The forms of one research topic's page and their server actions. */
export const researchTopicActions = {
  update: updateTopicAction,
  removeNote: removeNoteAction,
  gather: gatherNotesAction,
  members: setMembersAction,
  uploadImage: uploadReportImageAction,
};
