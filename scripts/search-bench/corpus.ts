// Search benchmark, corpus (docs/search.md); the entry point is scripts/search-bench.ts.

import { SEED } from "./options";

// ---------------------------------------------------------------------------------------
// A deterministic corpus of committee news

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SECTORS = [
  "科技界",
  "医卫界",
  "经济界",
  "文体界",
  "农业界",
  "工商联界",
  "妇联界",
  "共青团界",
  "工会界",
  "侨联台联界",
  "特邀界",
  "教育界",
  "社会福利和社会保障界",
  "新闻出版界",
  "民族宗教界",
];
export const TOWNS = [
  "王江泾镇",
  "油车港镇",
  "新塍镇",
  "王店镇",
  "洪合镇",
  "新城街道",
  "嘉北街道",
  "塘汇街道",
  "高照街道",
];
export const VENUES = [
  "委员工作室",
  "委员之家",
  "委员会客厅",
  "社区卫生服务中心",
  "文化礼堂",
  "新时代文明实践站",
  "智能家居产业园",
  "中心小学",
  "养老服务中心",
  "便民服务中心",
  "家庭农场",
  "村委会",
  "毛衫产业服务中心",
  "妇幼保健院",
];
/** Zipf-weighted: the first are the most frequent. */
export const TOPICS = [
  "基层共富",
  "产业升级",
  "科技创新",
  "外贸出海",
  "人口均衡",
  "乡村振兴",
  "营商环境",
  "养老服务",
  "生育友好型社会建设",
  "托育服务扩容",
  "数字化改造",
  "文旅融合",
  "老旧小区加装电梯",
  "共富集市长效运营",
  "家庭教育指导",
  "青年人才安居",
  "中小企业减负",
  "跨境电商",
  "医疗资源下沉",
  "非遗保护",
  "垃圾分类",
  "河湖治理",
  "食品安全",
  "矛盾纠纷化解",
  "社区网格治理",
  "公共文化服务",
  "未成年人保护",
  "侨资企业服务",
];
export const ACTIVITIES = [
  "专题协商",
  "开门协商",
  "调研走访",
  "视察",
  "座谈会",
  "义诊",
  "送教服务",
  "专题讲座",
  "民主监督",
  "提案办理协商",
  "界别活动周",
  "界别调研月",
];
export const SERVICES = ["送文化", "送体育", "送卫生", "送教育", "送法律", "送科技"];
/** What happens at each kind of activity (the activity's own words come with it). */
export const SCENES: Record<string, string[]> = {
  专题协商: [
    "协商会上，委员和部门负责人面对面交流，现场梳理出几条可以马上推进的办法",
    "部门负责人逐条回应了委员们的关切",
  ],
  开门协商: [
    "报名列席的群众代表也拿到了话筒，说出了自己的难处和期待",
    "开门协商让群众的意见直接进入协商议程",
  ],
  调研走访: [
    "委员们一个车间一个车间地看，一个问题一个问题地问",
    "走访中，企业负责人谈到了用工、融资和物流方面的困难",
  ],
  视察: ["视察组实地察看了项目建设现场，听取了进展情况汇报"],
  座谈会: ["座谈会开得紧凑务实，不讲套话，直奔问题"],
  义诊: [
    "专家委员分科坐诊，义诊现场排起了长队",
    "医卫界委员为群众免费测量血压和血糖，讲解慢性病用药知识",
  ],
  送教服务: [
    "委员们把一批篮球、跳绳和两百多册课外读物交到学校手中",
    "一堂生动的科普课让孩子们举手抢着提问",
  ],
  专题讲座: ["讲座结合本地企业案例，现场答疑持续了半个多小时"],
  民主监督: ["监督组对照问题清单逐项核查整改情况"],
  提案办理协商: ["承办单位介绍了提案办理进展，提案者对办理情况表示满意"],
  界别活动周: ["活动周期间，各界别委员分头走进企业、学校、社区和乡村"],
  界别调研月: ["调研月期间，课题组将形成调研报告，经专家阅评后报送区委、区政府"],
};
/** Sentences tied to a topic. */
export const TOPIC_SCENES: Record<string, string> = {
  生育友好型社会建设: "委员们建议生育补贴要和住房、就业等政策配套",
  托育服务扩容: "妇联界委员走进普惠托育点，了解托育机构的收费和师资情况，托育名额仍然紧张",
  共富集市长效运营: "委员们和摊主、居民面对面，了解共富集市的经营情况",
  老旧小区加装电梯: "居民们最关心加装电梯的费用怎样分摊、日后谁来维保",
  非遗保护: "文体界委员送上越剧演出，并展示了多项非遗手工艺",
  侨资企业服务: "律师委员围绕保护归侨侨眷合法权益的法律作了专题讲解",
  外贸出海: "企业负责人说，最缺的是懂外语、懂规则的外贸人才",
  数字化改造: "工程师委员走进车间，针对设备联网和能耗管理给出改造建议",
};
export const QUOTES = [
  "办好群众家门口的小事，就是履职的大事",
  "意见建议要提到点子上，更要跟踪到底",
  "新技术用得好不好，最后要看老百姓是不是更方便",
  "集市办得红火，居民的日子才更有滋味",
];
export const GENERIC = [
  "区政协主席出席活动并讲话。",
  "参加活动的委员纷纷表示收获很大。",
  "现场气氛热烈，大家各抒己见。",
  "相关意见将分类整理后移交有关部门办理，办理情况会向委员反馈。",
  "活动得到了当地党委政府的大力支持。",
  "委员们认真听取意见建议，逐条记录在履职手册上。",
  "与会人员还就下一步工作进行了深入交流。",
  "大家一致认为，这样的活动接地气、有实效，应当常态化开展。",
];
/** Rare words: each in roughly one article in a thousand. */
export const RARE = ["蓝印花布", "船模", "评弹", "桑蚕丝", "灶画"];

export function corpus(count: number) {
  const rand = mulberry32(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const zipf = <T>(list: readonly T[]) => {
    const w = list.map((_, i) => 1 / (i + 1));
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    const cdf = w.map((x) => (acc += x / total));
    return (): T => {
      const r = rand();
      return list[cdf.findIndex((c) => r <= c)] ?? (list[0] as T);
    };
  };
  const topic = zipf(TOPICS);
  const activityOf = zipf(ACTIVITIES);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;

  const docs: { title: string; summary: string; body: string; publishedAt: Date }[] = [];
  for (let i = 0; i < count; i++) {
    const main = topic();
    const sector = pick(SECTORS);
    const town = pick(TOWNS);
    const activity = activityOf();
    const venue = pick(VENUES);
    const scenes = [
      ...(SCENES[activity] ?? []),
      ...(TOPIC_SCENES[main] ? [TOPIC_SCENES[main]] : []),
    ];
    const titles = [
      `${sector}委员走进${town} 聚焦${main}`,
      `${town}${activity}：为${main}建言献策`,
      `为${main}出实招 ${sector}开展${activity}`,
      `“六送下乡”${pick(SERVICES)}走进${town}${venue}`,
      `${activity}话${main}`,
    ];
    const sentences = [
      `${int(1, 12)}月${int(1, 28)}日，${sector}委员来到${town}${venue}，围绕“${main}”开展${activity}。`,
    ];
    const n = int(12, 30);
    for (let s = 0; s < n; s++) {
      const r = rand();
      const other = topic();
      if (r < 0.12)
        sentences.push(
          `委员们先后走访了${int(2, 9)}家企业和${int(1, 5)}个社区，详细了解${main}的进展情况。`,
        );
      else if (r < 0.22)
        sentences.push(`座谈会上，大家围绕${pick([main, other])}提出了${int(3, 15)}条意见建议。`);
      else if (r < 0.36 && scenes.length > 0) sentences.push(`${pick(scenes)}。`);
      else if (r < 0.4) sentences.push(`“${pick(QUOTES)}。”一位委员在发言中说。`);
      else if (r < 0.48)
        sentences.push(
          `${pick(SECTORS)}表示，将把收集到的意见建议整理成文，作为${other}课题调研的重要参考。`,
        );
      else if (r < 0.54)
        sentences.push(`下一步，${town}联络室将持续跟踪${main}相关工作，推动意见建议落地见效。`);
      else sentences.push(pick(GENERIC));
    }
    if (rand() < 0.005) sentences.push(`活动还安排了${pick(RARE)}展示，吸引了不少居民驻足。`);
    const paragraphs: string[] = [];
    for (let p = 0; p < sentences.length; p += 4)
      paragraphs.push(sentences.slice(p, p + 4).join(""));
    if (rand() < 0.3)
      paragraphs.splice(1, 0, `## ${pick(["委员们关注的问题", "协商中提出的建议", "下一步工作"])}`);
    docs.push({
      title: pick(titles),
      summary: sentences[0] ?? "",
      body: paragraphs.join("\n\n"),
      publishedAt: new Date(start + rand() * span),
    });
  }
  return docs;
}
