import { buildCampaigns, topics } from "./campaigns";
import { committee, newsColumns, organisations, sectors, towns } from "./directory";
import { buildActivityWeekEvents } from "./events-may";
import { buildUpcomingEvents } from "./events-upcoming";
import { buildActivityWeekArticles } from "./news-may";
import { buildRecentArticles } from "./news-recent";
import { type DemoAccount, type DemoAccountKey, type DemoData, demoAccountKeys } from "./types";

export type * from "./types";
export { demoAccountKeys } from "./types";

/**
 * Demo accounts; phone numbers are fake (1380000xxxx). Passwords are set by the seeder.
 * The three administrators of the separation of duties (三权分立) each have their own.
 */
const accounts: DemoAccount[] = [
  { key: "admin", username: "admin", displayName: "系统管理员", role: "admin" },
  { key: "security", username: "security", displayName: "安全管理员", role: "security" },
  { key: "auditor", username: "auditor", displayName: "审计管理员", role: "auditor" },
  {
    key: "editor",
    username: "editor",
    displayName: "陈静",
    role: "editor",
    organisation: "xincheng-jiedao-lianluoshi",
  },
  {
    key: "member1",
    username: "member1",
    displayName: "张明华",
    role: "member",
    phone: "13800000001",
    sector: "keji",
  },
  {
    key: "member2",
    username: "member2",
    displayName: "李慧",
    role: "member",
    phone: "13800000002",
    sector: "yiwei",
  },
];

/** The same password for every demo account (DEMO_PASSWORD, tests). */
export function demoPasswords(password: string): Record<DemoAccountKey, string> {
  return Object.fromEntries(demoAccountKeys.map((key) => [key, password])) as Record<
    DemoAccountKey,
    string
  >;
}

/**
 * The demo data set, as plain objects referring to each other by slug. The
 * activity week is fixed in May 2026; the research month, upcoming events,
 * the plenary session and a few articles are dated relative to `now`.
 */
export function buildDemoData(now: Date): DemoData {
  const events = [...buildActivityWeekEvents(), ...buildUpcomingEvents(now)];
  const articles = [...buildActivityWeekArticles(), ...buildRecentArticles(now, events)];
  return structuredClone({
    committee,
    sectors,
    towns,
    organisations,
    newsColumns,
    campaigns: buildCampaigns(now),
    topics,
    events,
    articles,
    accounts,
  });
}
