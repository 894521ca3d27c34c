/** Strings of the search pages (Simplified Chinese). */
export const searchMessages = {} as const;
