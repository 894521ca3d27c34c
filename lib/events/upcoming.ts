/**
 * The events of a list computed a little earlier (the home page's, cached for a minute)
 * that have not ended by `now`: a cached list never shows an event that is over.
 */
export function stillRunning<T extends { endsAt: Date }>(items: readonly T[], now: Date): T[] {
  return items.filter((item) => item.endsAt.getTime() >= now.getTime());
}
