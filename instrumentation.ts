/**
 * Runs once when the server starts: open the database, apply migrations and,
 * for a new embedded database, load the demo data, before the first request. With
 * REDIS_URL set, start listening for other instances' cache invalidations too (not on
 * first cache use: an instance must hear of changes before it serves its first page).
 * Then the notification delivery worker starts (e-mail and SMS, when configured).
 * First of all, a production server without SITE_URL (or with a local one) warns in the log.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Feeds, iCal, Open Graph and share QR codes are absolute: say so loudly when a production
  // server would point them at localhost.
  const { siteUrlWarning } = await import("./lib/site-url");
  const warning = siteUrlWarning(process.env.SITE_URL, process.env.NODE_ENV);
  if (warning) console.warn(warning);
  const { startCacheInvalidationSync } = await import("./server/redis");
  startCacheInvalidationSync();
  const { openDatabaseOnServerStart } = await import("./db/runtime");
  await openDatabaseOnServerStart();
  // E-mail and SMS notifications (server/notifications/worker.ts).
  const [{ startDeliveryWorker }, { getDb }, { env }] = await Promise.all([
    import("./server/notifications/worker"),
    import("./db/runtime"),
    import("./lib/env"),
  ]);
  startDeliveryWorker(getDb, env);
}
