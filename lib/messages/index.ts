/**
 * Every user-facing string, Simplified Chinese first, one file per feature.
 * A second locale is a second object of the same shape.
 */
import { adminMessages } from "./admin";
import { attendanceMessages } from "./attendance";
import { authMessages } from "./auth";
import { calendarMessages } from "./calendar";
import { cmsMessages } from "./cms";
import { commonMessages } from "./common";
import { directoryMessages } from "./directory";
import { newsMessages } from "./news";
import { notesMessages } from "./notes";
import { searchMessages } from "./search";

export const zhCN = {
  ...commonMessages,
  newsPages: newsMessages,
  calendar: calendarMessages,
  directory: directoryMessages,
  attendance: attendanceMessages,
  search: searchMessages,
  auth: authMessages,
  notes: notesMessages,
  admin: adminMessages,
  cms: cmsMessages,
};

export type Messages = typeof zhCN;
export const messages: Messages = zhCN;
