// Its own file so that the list filters (filters.tsx), which a public page uses (/stats),
// do not import console-form.tsx and with it the client-side FormAlert.

/** Parameters a form sends without showing them (an id, the tab); empty ones are left out. */
export function HiddenFields({
  values,
}: {
  values: Record<string, string | number | null | undefined>;
}) {
  return Object.entries(values).map(([name, value]) =>
    value === null || value === undefined || value === "" ? null : (
      <input key={name} type="hidden" name={name} value={value} />
    ),
  );
}
