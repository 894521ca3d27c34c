import "server-only";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { opinions } from "@/db/schema";

/** Opinions waiting for review, per topic (the directory's topic list shows the count). */
export async function countPendingOpinionsByTopic(db: Database): Promise<Map<number, number>> {
  const rows = await db
    .select({ topicId: opinions.topicId, n: count() })
    .from(opinions)
    .where(eq(opinions.status, "pending"))
    .groupBy(opinions.topicId);
  return new Map(rows.map((r) => [r.topicId, r.n]));
}
