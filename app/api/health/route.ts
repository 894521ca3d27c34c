import { pingDatabase } from "@/db/client";
import { getDatabaseHandle } from "@/db/runtime";

export const dynamic = "force-dynamic";

/** For load balancers and monitors: 200 when the app and its database answer. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const handle = await getDatabaseHandle();
    await pingDatabase(handle.db);
    return Response.json({ status: "ok", db: "ok", driver: handle.driver }, { headers });
  } catch (error) {
    console.error(
      "[health] database check failed:",
      error instanceof Error ? error.message : error,
    );
    return Response.json({ status: "error", db: "unavailable" }, { status: 503, headers });
  }
}
