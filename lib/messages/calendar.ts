/** Strings of the calendar pages (Simplified Chinese). */
export const calendarMessages = {} as const;
