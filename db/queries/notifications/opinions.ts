import "server-only";
import { eq } from "drizzle-orm";
import { notificationText } from "@/lib/messages/notifications";
import { opinions, topics } from "../../schema";
import type { Executor } from "./executor";
import { notifyEach } from "./outbox";
import { activeAdmins } from "./recipients";

/**
 * Tells those who moderate opinions (`can(user, "opinion.moderate")`: the administrators)
 * that one waits for them, in the transaction that stores it.
 */
export async function notifyModeratorsOfOpinion(tx: Executor, opinionId: number): Promise<number> {
  const [row] = await tx
    .select({ body: opinions.body, topic: topics.name })
    .from(opinions)
    .innerJoin(topics, eq(topics.id, opinions.topicId))
    .where(eq(opinions.id, opinionId));
  if (!row) throw new Error(`notifications: opinion ${opinionId} not found`);
  const text = notificationText.staffOpinionPending({ topicTitle: row.topic, body: row.body });
  const admins = await activeAdmins(tx);
  return notifyEach(
    tx,
    admins.map((userId) => ({
      to: { userId },
      kind: "staff.opinion_pending" as const,
      key: String(opinionId),
      ...text,
      link: "/admin/opinions",
    })),
  );
}
