/**
 * When a delivery that failed `attempts` times is tried again: 30 s after the first
 * failure, then doubling (1, 2, 4, 8 min…), never more than an hour apart.
 */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;

export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(exponent, 20));
}

/** Error text kept on the delivery: one line, bounded, with anything like an address cut out. */
export function deliveryErrorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "<address>")
    .replace(/\b1\d{10}\b/g, "<phone>")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 500);
}
