/**
 * Every user-facing string, Simplified Chinese first, one file per feature.
 * A second locale is a second object of the same shape.
 */
import { attendanceMessages } from "./attendance";
import { calendarMessages } from "./calendar";
import { commonMessages } from "./common";
import { directoryMessages } from "./directory";
import { newsMessages } from "./news";
import { searchMessages } from "./search";

export const zhCN = {
  ...commonMessages,
  newsPages: newsMessages,
  calendar: calendarMessages,
  directory: directoryMessages,
  attendance: attendanceMessages,
  search: searchMessages,
};

export type Messages = typeof zhCN;
export const messages: Messages = zhCN;
