import { localYear } from "./time";

/**
 * Demo data of the staff pipeline: the departments notes are transferred to, answer
 * templates, and a handful of notes by member2 at every stage (submitted, returned,
 * transferred and overdue, answered and closed), a research topic and a proposal.
 * Notes refer to towns, sectors and events by slug/key; `daysAgo` counts from `now`.
 */

export interface DemoDepartment {
  slug: string;
  name: string;
  contact: string;
}

export const departments: DemoDepartment[] = [
  { slug: "fagaiju", name: "区发展和改革局", contact: "综合科 0573-8000 1101" },
  { slug: "jingxin-shangwu", name: "区经济信息化和商务局", contact: "外经外贸科 0573-8000 1102" },
  { slug: "kejiju", name: "区科学技术局", contact: "成果转化科 0573-8000 1103" },
  { slug: "jiaotiju", name: "区教育体育局", contact: "基础教育科 0573-8000 1104" },
  { slug: "weijianju", name: "区卫生健康局", contact: "人口家庭科 0573-8000 1105" },
  { slug: "minzhengju", name: "区民政局", contact: "社会事务科 0573-8000 1106" },
  { slug: "renshe", name: "区人力资源和社会保障局", contact: "人才开发科 0573-8000 1107" },
  { slug: "shichang-jianguan", name: "区市场监督管理局", contact: "综合科 0573-8000 1108" },
  { slug: "nongye-nongcun", name: "区农业农村局", contact: "乡村振兴科 0573-8000 1109" },
  { slug: "zongzhi", name: "区综合行政执法局", contact: "市容科 0573-8000 1110" },
];

export const answerTemplates = [
  {
    title: "退回：请补充具体情况",
    body: "感谢您的走访记录。目前记录中的问题描述还不够具体，请补充走访的时间、地点、涉及的企业或群众，以及您了解到的具体数据后重新提交。",
  },
  {
    title: "不予采纳：已在办理中",
    body: "感谢您的履职。该问题已纳入相关部门今年的专项工作，正在推进中，本条记录不再单独转办。办理进展我们会持续关注。",
  },
  {
    title: "不予采纳：重复反映",
    body: "感谢您的走访记录。该问题此前已有委员反映并转办相关部门办理，本条记录与其合并处理，不再单独转办。",
  },
  {
    title: "答复：已纳入工作计划",
    body: "经研究，该建议已纳入部门下一年度工作计划，将分步骤推进落实，并及时向委员反馈进展。",
  },
];

export interface DemoPipelineNote {
  key: string;
  title: string;
  observation: string;
  suggestion: string;
  category: "industry" | "livelihood" | "governance";
  town: string;
  sector: string;
  place: string;
  peopleMet: string;
  /** Event key (db/seed/demo-data/events-may.ts). */
  event?: string;
  topic?: string;
  submittedDaysAgo: number;
  /** What happened after submission, in order; each step `daysAgo` before now. */
  steps: DemoStep[];
}

export type DemoStep =
  | {
      action: "return" | "accept" | "reject" | "close";
      by: "admin" | "editor";
      daysAgo: number;
      reason?: string;
    }
  | { action: "transfer"; daysAgo: number; departments: string[]; dueInDays: number }
  | {
      action: "answer";
      daysAgo: number;
      department: string;
      answer: string;
      satisfaction?: "satisfied" | "basically_satisfied" | "unsatisfied";
    };

export const pipelineNotes: DemoPipelineNote[] = [
  {
    key: "childcare",
    title: "普惠托育托位不足，收费偏高",
    observation:
      "走访新城街道两个社区，年轻家长普遍反映附近只有一家普惠托育机构，托位早早排满；民办机构每月收费在三千元以上，双职工家庭负担较重。",
    suggestion:
      "建议利用社区闲置用房增设普惠托育点，对提供普惠托位的民办机构给予运营补贴，并公开托位余量查询。",
    category: "livelihood",
    town: "xincheng-jiedao",
    sector: "fulian",
    place: "新城街道某社区服务中心",
    peopleMet: "社区干部 2 人，幼儿家长 6 人",
    event: "2026-birth-friendly",
    topic: "renkou-junheng",
    submittedDaysAgo: 2,
    steps: [],
  },
  {
    key: "market",
    title: "共富集市品类单一，可增加生鲜和文创",
    observation:
      "共富集市以农产品干货为主，前来逛集的居民希望买到当天的生鲜；几位青年手作者想摆摊，但不清楚报名渠道。",
    suggestion:
      "建议集市分设生鲜区和文创区，线上发布摊位招募信息，并与街道商户协商形成固定开市的长效机制。",
    category: "industry",
    town: "xincheng-jiedao",
    sector: "gongshanglian",
    place: "新城街道共富集市",
    peopleMet: "摊主 5 人，居民 8 人",
    event: "2026-gongfu-market",
    topic: "jiceng-gongfu",
    submittedDaysAgo: 1,
    steps: [],
  },
  {
    key: "silk-road",
    title: "丝路通平台可向智能家居行业拓展",
    observation:
      "王江泾镇纺织企业借助丝路通平台接到了海外订单，但镇上的智能家居企业反映平台目前主要对接纺织品，其他行业难以入驻。",
    suggestion: "建议平台增设智能家居等品类专区，并组织企业参加线上推介会。",
    category: "industry",
    town: "wangjiangjing-zhen",
    sector: "jingji",
    place: "王江泾镇某智能家居企业",
    peopleMet: "企业负责人 3 人",
    event: "2026-silk-road",
    topic: "waimao-chuhai",
    submittedDaysAgo: 3,
    steps: [],
  },
  {
    key: "subsidy",
    title: "生育补贴申领材料多、跑腿多",
    observation:
      "塘汇街道几位新手父母反映，申领生育补贴需要分别到街道和医院开具证明，材料重复提交，往返多次。",
    suggestion:
      "建议打通卫健、医保和民政数据，实现生育补贴“一件事”线上联办，免交可共享的证明材料。",
    category: "livelihood",
    town: "tanghui-jiedao",
    sector: "yiwei",
    place: "塘汇街道便民服务中心",
    peopleMet: "新手父母 4 人，窗口工作人员 1 人",
    topic: "renkou-junheng",
    submittedDaysAgo: 40,
    steps: [
      { action: "accept", by: "admin", daysAgo: 38 },
      { action: "transfer", daysAgo: 37, departments: ["weijianju", "minzhengju"], dueInDays: 30 },
      {
        action: "answer",
        daysAgo: 12,
        department: "minzhengju",
        answer:
          "我局已梳理生育补贴申领涉及的证明材料，其中婚姻登记信息可通过部门共享获取，申领时不再要求群众提供。",
      },
    ],
  },
  {
    key: "parking",
    title: "医院高新院区就诊停车难",
    observation:
      "秀洲区人民医院高新院区开诊后，就诊高峰时段周边道路排队等候停车，影响通行，老年患者步行距离较远。",
    suggestion: "建议在院区周边增设临时停车位，开通公交接驳线路，并在院内设置老年人落客区。",
    category: "governance",
    town: "gaozhao-jiedao",
    sector: "keji",
    place: "秀洲区人民医院高新院区",
    peopleMet: "患者家属 5 人，医院后勤负责人 1 人",
    event: "2026-ai-biomed",
    topic: "keji-chuangxin",
    submittedDaysAgo: 60,
    steps: [
      { action: "accept", by: "admin", daysAgo: 58 },
      { action: "transfer", daysAgo: 57, departments: ["zongzhi"], dueInDays: 30 },
      {
        action: "answer",
        daysAgo: 30,
        department: "zongzhi",
        answer:
          "我局已会同交警部门在院区东侧增设临时停车泊位 120 个，并协调公交公司开通院区接驳专线，高峰时段安排专人疏导。",
        satisfaction: "satisfied",
      },
      { action: "close", by: "admin", daysAgo: 25 },
    ],
  },
  {
    key: "returned",
    title: "村里路灯坏了",
    observation: "有村民说路灯坏了。",
    suggestion: "尽快修。",
    category: "governance",
    town: "xincheng-zhen",
    sector: "nongye",
    place: "",
    peopleMet: "",
    submittedDaysAgo: 5,
    steps: [
      {
        action: "return",
        by: "admin",
        daysAgo: 4,
        reason:
          "请补充具体的村名和路段、损坏的路灯数量和持续时间，以及您了解到的群众诉求后重新提交。",
      },
    ],
  },
];

export function buildResearchDemo(now: Date) {
  const year = localYear(now);
  return {
    topic: {
      title: "生育友好型社会建设调研",
      year,
      topic: "renkou-junheng",
      summary: "围绕托育服务供给、生育支持政策落地和“一件事”联办开展调研。",
      report: [
        "## 调研背景",
        "",
        "活动周期间，工会、妇联、共青团等界别委员走访婚姻登记中心、妇幼保健院和多个社区，听取群众对生育支持政策的意见。",
        "",
        "## 主要问题",
        "",
        "- 普惠托位供给不足，收费偏高；",
        "- 生育补贴申领材料多，部门间数据尚未共享；",
        "- 新手父母获取政策信息的渠道分散。",
        "",
        "## 对策建议",
        "",
        "1. 利用社区闲置用房建设普惠托育点；",
        "2. 推进生育补贴“一件事”联办；",
        "3. 编制生育支持政策“一本通”。",
      ].join("\n"),
      reviewStatus: "in_review" as const,
      notes: ["subsidy"],
    },
    proposal: {
      title: "关于推进生育支持政策“一件事”联办的提案",
      year,
      kind: "proposal" as const,
      number: "",
      summary: "建议打通部门数据，实现生育补贴等事项线上联办、免交可共享材料。",
      notes: ["subsidy"],
    },
    /** Activity-week events member2 attended (duty record). */
    attended: ["2026-free-clinic", "2026-birth-friendly"],
  };
}
