/** `?year=` as a year between 2000 and 2100, else `fallback`. */
export function parseYear(value: string | string[] | undefined, fallback: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{4}$/.test(raw)) return fallback;
  const year = Number(raw);
  return year >= 2000 && year <= 2100 ? year : fallback;
}
