import { ui } from "./ui";

/** Choose the year a list shows: a GET form, so each year has its own address. */
export function YearPicker({
  action,
  year,
  years,
  label,
  submit,
}: {
  action: string;
  year: number;
  years: number[];
  label: string;
  submit: string;
}) {
  const choices = years.includes(year) ? years : [year, ...years].sort((a, b) => b - a);
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-2 print:hidden">
      <div>
        <label htmlFor="year" className="text-sm font-medium">
          {label}
        </label>
        <select id="year" name="year" defaultValue={year} className={`${ui.select} w-32`}>
          {choices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={ui.secondary}>
        {submit}
      </button>
    </form>
  );
}
