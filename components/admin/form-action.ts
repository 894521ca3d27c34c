import type { FormState, FormValues } from "@/lib/form-state";

/**
 * A server action as a console form receives it from its page (components never import
 * app/): `useActionState`'s reducer over the one FormState.
 */
export type FormAction<R = undefined> = (
  previous: FormState<FormValues, R>,
  formData: FormData,
) => Promise<FormState<FormValues, R>>;
