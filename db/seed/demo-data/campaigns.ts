import { localDate, localYear } from "./time";
import type { DemoCampaign, DemoTopic } from "./types";

export const ACTIVITY_WEEK = "activity-week-2026";

/** Days after `now` (local) on which the plenary session opens. */
export const PLENARY_OFFSET_DAYS = 63;

export function researchMonthSlug(now: Date): string {
  return `research-month-${localYear(now)}`;
}

export function plenarySlug(now: Date): string {
  return `plenary-${localDate(now, PLENARY_OFFSET_DAYS).slice(0, 4)}`;
}

export function buildCampaigns(now: Date): DemoCampaign[] {
  const year = localYear(now);
  const plenaryStart = localDate(now, PLENARY_OFFSET_DAYS);
  return [
    {
      slug: ACTIVITY_WEEK,
      name: "第十九届界别活动周",
      kind: "activity_week",
      year: 2026,
      startsOn: "2026-05-06",
      endsOn: "2026-05-31",
      summary:
        "一年一度的界别活动周，今年是第十九届。各界别与专委会、党派、镇街结对，围绕五个协商议题开展专题协商、实地走访和“六送下乡”服务。",
    },
    {
      slug: researchMonthSlug(now),
      name: `${year}年界别调研月`,
      kind: "research_month",
      year,
      startsOn: localDate(now, -3),
      endsOn: localDate(now, 35),
      summary:
        "把活动周里听到的意见带回基层深入调研：各界别和专委会分头走访，形成重点课题调研报告，经专家阅评后汇编报送区委区政府。",
    },
    {
      slug: plenarySlug(now),
      name: `${plenaryStart.slice(0, 4)}年区政协全体会议`,
      kind: "plenary",
      year: Number(plenaryStart.slice(0, 4)),
      startsOn: plenaryStart,
      endsOn: localDate(now, PLENARY_OFFSET_DAYS + 2),
      summary:
        "区政协全体委员会议：听取和审议常务委员会工作报告、提案工作情况报告，安排大会发言，审议通过决议。",
    },
  ];
}

export const topics: DemoTopic[] = [
  {
    slug: "chanye-shengji",
    name: "产业升级",
    description:
      "传统产业数字化、智能化改造，培育新的增长点，破解企业转型中的资金、技术和人才难题。",
    campaign: ACTIVITY_WEEK,
    openForOpinions: false,
  },
  {
    slug: "waimao-chuhai",
    name: "外贸出海",
    description: "用好外贸综合服务平台，帮助更多行业的企业开拓国际市场，完善外贸人才政策。",
    campaign: ACTIVITY_WEEK,
    openForOpinions: false,
  },
  {
    slug: "keji-chuangxin",
    name: "科技创新",
    description: "推动人工智能与生物医药等产业融合，打通科研平台、医院和企业之间的成果转化通道。",
    campaign: ACTIVITY_WEEK,
    openForOpinions: false,
  },
  {
    slug: "renkou-junheng",
    name: "人口均衡",
    description:
      "建设生育友好型社会：帮助年轻人交友成家，完善生育补贴，增加托育名额，为家庭教育提供支持。",
    campaign: ACTIVITY_WEEK,
    openForOpinions: true,
  },
  {
    slug: "jiceng-gongfu",
    name: "基层共富",
    description:
      "办好社区共富集市等惠民载体，丰富业态、拓宽宣传、建立长效运营机制，让城乡居民共享发展成果。",
    campaign: ACTIVITY_WEEK,
    openForOpinions: true,
  },
];
