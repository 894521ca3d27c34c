/** Strings of the news pages (Simplified Chinese). */
export const newsMessages = {} as const;
