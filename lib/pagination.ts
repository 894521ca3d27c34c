/**
 * The page numbers to show as links around `current`: always the first and the
 * last, `radius` either side of the current one, and `null` for each gap.
 */
export function pageWindow(current: number, pages: number, radius = 1): (number | null)[] {
  const shown = new Set<number>([1, pages]);
  for (let p = current - radius; p <= current + radius; p++) {
    if (p >= 1 && p <= pages) shown.add(p);
  }
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last === 2) out.push(last + 1);
    else if (typeof last === "number" && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}
