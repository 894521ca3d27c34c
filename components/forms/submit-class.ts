/**
 * The form's submit button, full width on a phone. A module of its own: the client
 * components that post a public form take this class, not the fields kit (fields.tsx),
 * which the bundler would send whole.
 */
export const submitClass =
  "w-full rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto";

/** The lookup's submit button (/registrations), beside its field at every width. */
export const lookupSubmitClass =
  "rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70";
