import type { Metadata } from "next";
import { connection } from "next/server";
import { Statement } from "@/components/site/statement";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { accessibilityStatement as s } from "@/lib/messages/statements";
import { statementFacts } from "@/lib/settings/statement-facts";

export const metadata: Metadata = { title: s.title };

/** 无障碍声明: the standard followed, what the site does, known gaps, feedback. */
export default async function AccessibilityPage() {
  await connection();
  const facts = statementFacts(await getCommitteeInfo(), {
    retentionDays: env.RETENTION_DAYS,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
  });
  return <Statement title={s.title} intro={s.intro(facts)} sections={s.sections(facts)} />;
}
