import { buttonClass } from "./kit/fields";

/**
 * Class names of the staff console's panels and pipeline tables; buttons are the kit's
 * (`buttonClass`), so every console button looks alike.
 */
export const ui = {
  card: "rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:p-5",
  cardTitle: "text-lg font-semibold text-ink",
  label: "block font-medium",
  hint: "mt-1 text-sm text-muted",
  error: "mt-1 text-sm font-medium text-brand-700",
  input:
    "mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-brand-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-brand-700",
  select:
    "mt-1 block w-full rounded-md border border-stone-500 bg-white px-2 py-2 text-base text-ink",
  primary: buttonClass.primary,
  secondary: buttonClass.secondary,
  danger: buttonClass.danger,
  link: "font-medium text-brand-700 underline-offset-2 hover:underline",
  table: "w-full border-collapse text-left text-[15px]",
  th: "border-b border-stone-300 bg-stone-50 px-3 py-2 font-semibold text-ink",
  td: "border-b border-stone-200 px-3 py-2 align-top",
} as const;
