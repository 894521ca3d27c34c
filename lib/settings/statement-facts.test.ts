import { describe, expect, it } from "vitest";
import { privacyStatement } from "@/lib/messages/statements";
import { statementFacts } from "./statement-facts";

const periods = {
  retentionDays: 90,
  auditRetentionDays: 365,
  sessionIdleMinutes: 20,
  sessionMaxHours: 8,
};

describe("the statements' facts", () => {
  it("come from the settings and the configured periods", () => {
    const facts = statementFacts(
      {
        name: "某区政协",
        hostOrganisation: "某区政协办公室",
        contactPhone: "0573-83000000",
        contactEmail: null,
        contactAddress: null,
      },
      periods,
    );
    expect(facts.host).toBe("某区政协办公室");
    expect(facts.contact).toBe("电话 0573-83000000");
    const text = JSON.stringify(privacyStatement.sections(facts));
    expect(text).toContain("活动结束 90 天后");
    expect(text).toContain("审计记录保存 365 天");
    expect(text).toContain("20 分钟无操作");
  });

  it("fall back to the committee's name and the footer when nothing is set", () => {
    const facts = statementFacts(
      {
        name: "某区政协",
        hostOrganisation: null,
        contactPhone: null,
        contactEmail: null,
        contactAddress: null,
      },
      periods,
    );
    expect(facts.host).toBe("某区政协");
    expect(facts.contact).toBe("本站页脚所列联系方式");
  });
});
