import type { StatementFacts } from "@/lib/messages/statements";

/** The statements' facts from the committee's settings and the retention periods. */
export function statementFacts(
  committee: {
    name: string;
    hostOrganisation: string | null;
    contactPhone: string | null;
    contactEmail: string | null;
    contactAddress: string | null;
  },
  retention: Pick<
    StatementFacts,
    "retentionDays" | "auditRetentionDays" | "sessionIdleMinutes" | "sessionMaxHours"
  >,
): StatementFacts {
  const contact = [
    committee.contactPhone && `电话 ${committee.contactPhone}`,
    committee.contactEmail && `邮箱 ${committee.contactEmail}`,
    committee.contactAddress && `地址 ${committee.contactAddress}`,
  ]
    .filter(Boolean)
    .join("，");
  return {
    committee: committee.name,
    host: committee.hostOrganisation ?? committee.name,
    contact: contact || "本站页脚所列联系方式",
    ...retention,
  };
}
