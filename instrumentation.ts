/**
 * Runs once when the server starts: open the database, apply migrations and,
 * for a new embedded database, load the demo data, before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openDatabaseOnServerStart } = await import("./db/runtime");
  await openDatabaseOnServerStart();
}
