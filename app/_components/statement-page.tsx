import { connection } from "next/server";
import { Statement } from "@/components/site/statement";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import type { StatementFacts, StatementSection } from "@/lib/messages/statements";
import { statementFacts } from "@/lib/settings/statement-facts";

/**
 * 隐私声明 and 无障碍声明: a statement's words filled with this site's real settings
 * (retention, sessions, the committee's contact), read per request.
 */
export async function StatementPage({
  statement,
}: {
  statement: {
    title: string;
    intro: (f: StatementFacts) => string;
    sections: (f: StatementFacts) => StatementSection[];
  };
}) {
  await connection();
  const facts = statementFacts(await getCommitteeInfo(), {
    retentionDays: env.RETENTION_DAYS,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
  });
  return (
    <Statement
      title={statement.title}
      intro={statement.intro(facts)}
      sections={statement.sections(facts)}
    />
  );
}
