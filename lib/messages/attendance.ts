/** Strings of the attendance pages (Simplified Chinese). */
export const attendanceMessages = {} as const;
