import type {
  DemoCommittee,
  DemoNewsColumn,
  DemoOrganisation,
  DemoSector,
  DemoTown,
} from "./types";

/** Plausible but generic contact details: not the office's real ones. */
export const committee: DemoCommittee = {
  name: "中国人民政治协商会议嘉兴市秀洲区委员会",
  shortName: "秀洲区政协",
  timeZone: "Asia/Shanghai",
  contactAddress: "浙江省嘉兴市秀洲区新城街道行政中心路 88 号",
  contactPhone: "0573-83000000",
  contactEmail: "xzzx@example.gov.cn",
  postcode: "314031",
  hostOrganisation: "政协嘉兴市秀洲区委员会办公室",
  // DEMO filing numbers: the right formats, all zeros, so nobody mistakes them for real
  // ones. An administrator enters the real numbers on /admin/settings.
  icpNumber: "浙ICP备00000000号-1",
  policeNumber: "浙公网安备33041100000000号",
  govSiteCode: "3304110000",
  siteLinks: [
    { name: "全国政协", url: "http://www.cppcc.gov.cn/" },
    { name: "浙江政协", url: "https://www.zjzx.gov.cn/" },
    { name: "嘉兴政协", url: "https://www.jxzx.gov.cn/" },
  ],
};

const sectorList: DemoSector[] = [
  { slug: "zhonggong", name: "中共界", description: "中共党员委员，在履职中发挥示范带头作用。" },
  {
    slug: "minzhu-dangpai",
    name: "民主党派界",
    description: "各民主党派成员委员，参政议政、民主监督。",
  },
  {
    slug: "wudangpai",
    name: "无党派人士界",
    description: "无党派代表人士委员，建言献策、凝聚共识。",
  },
  { slug: "gonghui", name: "工会", description: "联系职工群众，关注劳动者权益与技能成长。" },
  { slug: "gongqingtuan", name: "共青团", description: "联系青年，关注青年就业、婚恋与成长发展。" },
  { slug: "fulian", name: "妇联", description: "联系妇女儿童，关注家庭建设与生育友好。" },
  {
    slug: "gongshanglian",
    name: "工商联界",
    description: "联系民营企业和商会，服务民营经济发展。",
  },
  { slug: "keji", name: "科技界", description: "科技工作者委员，推动科技创新与成果转化。" },
  { slug: "jingji", name: "经济界", description: "经济领域委员，围绕产业发展和开放型经济建言。" },
  { slug: "nongye", name: "农业界", description: "农业农村领域委员，助力乡村振兴与农民增收。" },
  { slug: "jiaoyu", name: "教育界", description: "教育工作者委员，关注城乡教育均衡发展。" },
  { slug: "wenti", name: "文体界", description: "文化、体育界委员，丰富群众精神文化生活。" },
  { slug: "yiwei", name: "医卫界", description: "医疗卫生界委员，守护群众健康。" },
  {
    slug: "shehui-kexue",
    name: "社会科学界",
    description: "社会科学工作者委员，开展调查研究、提供智力支持。",
  },
  {
    slug: "qiaolian-tailian",
    name: "侨联、台联界",
    description: "联系归侨侨眷和台胞台属，服务侨企发展。",
  },
  {
    slug: "shehui-fuli",
    name: "社会福利和社会保障界",
    description: "关注养老、救助、残疾人等民生保障。",
  },
  {
    slug: "xinwen-chuban",
    name: "新闻出版界",
    description: "新闻出版界委员，讲好履职故事、传播协商声音。",
  },
  {
    slug: "shaoshu-minzu-zongjiao",
    name: "少数民族和宗教界",
    description: "促进民族团结和宗教和顺。",
  },
  { slug: "teyao", name: "特邀界", description: "特邀委员，涵盖法律、金融等领域的专业人士。" },
];

const townList: DemoTown[] = [
  { slug: "xincheng-jiedao", name: "新城街道", kind: "subdistrict" },
  { slug: "jiabei-jiedao", name: "嘉北街道", kind: "subdistrict" },
  { slug: "tanghui-jiedao", name: "塘汇街道", kind: "subdistrict" },
  { slug: "gaozhao-jiedao", name: "高照街道", kind: "subdistrict" },
  { slug: "wangjiangjing-zhen", name: "王江泾镇", kind: "town" },
  { slug: "youchegang-zhen", name: "油车港镇", kind: "town" },
  { slug: "xincheng-zhen", name: "新塍镇", kind: "town" },
  { slug: "wangdian-zhen", name: "王店镇", kind: "town" },
  { slug: "honghe-zhen", name: "洪合镇", kind: "town" },
];

/** Made-up names of the people who answer the phone: not real people. */
const OFFICE_CONTACTS = [
  "沈晓梅",
  "陆建华",
  "朱丽娟",
  "钱志强",
  "顾文斌",
  "徐雅琴",
  "张伟明",
  "吴佳怡",
  "金海峰",
];

const SECTOR_SCENES = ["hall", "school", "clinic", "market", "city", "village"] as const;

/**
 * Each sector's contact is its convener's group at the committee's members' centre (界别
 * 联络组); each town's, the committee work of its government (镇街政协工作联络). Made up.
 */
export const sectors: DemoSector[] = sectorList.map((sector, i) => ({
  ...sector,
  address: `秀洲区行政中心路 88 号 区政协委员活动中心 ${200 + i + 1} 室`,
  contactPerson: `${contactName(i + 2)}（界别联络员）`,
  contactPhone: `0573-8300${String(2101 + i * 3).padStart(4, "0")}`,
  openingHours: "工作日 8:30—12:00，13:30—17:00",
  picture: { scene: SECTOR_SCENES[i % SECTOR_SCENES.length] ?? "hall", variant: 40 + i },
}));

export const towns: DemoTown[] = townList.map((town, i) => ({
  ...town,
  address: `秀洲区${town.name}${town.kind === "town" ? "人民政府" : "办事处"} ${i + 1} 楼政协工作室`,
  contactPerson: `${contactName(i + 5)}（政协工作联络员）`,
  contactPhone: `0573-8300${String(3101 + i * 9).padStart(4, "0")}`,
  openingHours: "工作日 8:30—12:00，14:00—17:30",
  picture: { scene: town.kind === "town" ? "village" : "city", variant: 60 + i },
}));

/** The i-th made-up name, round the list. */
function contactName(i: number): string {
  return OFFICE_CONTACTS[i % OFFICE_CONTACTS.length] ?? "";
}

const STUDIO_SCENES = ["hall", "village", "market", "city", "school"] as const;

/** One liaison office per town, slug `<town slug>-lianluoshi`. */
const liaisonOffices: DemoOrganisation[] = towns.map((town, i) => ({
  slug: `${town.slug}-lianluoshi`,
  name: `${town.name}联络室`,
  kind: "liaison_office",
  town: town.slug,
  address: `秀洲区${town.name}便民服务中心 ${i + 2} 楼`,
  description: `区政协在${town.name}的联络室，组织辖区委员开展走访、协商和服务活动。`,
  picture: { scene: town.kind === "town" ? "village" : "city", variant: i },
  contactPerson: `${OFFICE_CONTACTS[i % OFFICE_CONTACTS.length]}（联络员）`,
  contactPhone: `0573-8300${String(1101 + i * 7).padStart(4, "0")}`,
  openingHours: "工作日 8:30—12:00，13:30—17:00",
}));

const specialCommittees: DemoOrganisation[] = [
  ["tian-wei", "提案委员会", "负责提案征集、审查、督办和成果转化。"],
  ["jingji-wei", "经济委员会", "围绕产业升级、开放型经济开展协商调研。"],
  ["nongye-nongcun-wei", "农业农村委员会", "聚焦乡村振兴和农民共同富裕。"],
  ["shehui-fazhi-wei", "社会和法制委员会", "关注社会治理、法治建设和民生保障。"],
  ["jiaokeweiti-wei", "教科卫体委员会", "联系教育、科技、卫生、体育领域委员。"],
  ["wenhua-wenshi-wei", "文化文史和学习委员会", "负责文化文史资料工作和委员学习。"],
  ["renkou-ziyuan-huanjing-wei", "人口资源环境委员会", "关注人口发展、资源节约和生态环境。"],
].map(([slug, name, description]) => ({
  slug: slug as string,
  name: name as string,
  kind: "special_committee" as const,
  description: description as string,
}));

const parties: DemoOrganisation[] = [
  ["minge-xiuzhou", "民革秀洲区支部"],
  ["minmeng-xiuzhou", "民盟秀洲区总支"],
  ["minjian-xiuzhou", "民建秀洲区总支"],
  ["minjin-xiuzhou", "民进秀洲基层委员会"],
  ["nonggong-xiuzhou", "农工党秀洲区支部"],
  ["zhigong-xiuzhou", "致公党秀洲区支部"],
  ["jiusan-xiuzhou", "九三学社秀洲区支社"],
].map(([slug, name]) => ({
  slug: slug as string,
  name: name as string,
  kind: "party" as const,
  description: `${name}，与界别联合开展协商和服务活动。`,
}));

/** Fifteen member studios; together they serve all nineteen sectors. */
const studios: DemoOrganisation[] = (
  [
    [
      "xinling-zhixiu",
      "心灵之秀委员工作室",
      "xincheng-jiedao",
      "秀水路 21 号",
      ["yiwei", "jiaoyu"],
      "为青少年和家庭提供心理健康咨询与讲座。",
    ],
    [
      "qingyuanhui",
      "青缘汇委员工作室",
      "jiabei-jiedao",
      "青禾路 66 号",
      ["gongqingtuan", "fulian"],
      "为青年交友、婚恋和成长搭建平台。",
    ],
    [
      "yizhijia",
      "益之家委员工作室",
      "tanghui-jiedao",
      "和睦路 18 号",
      ["shehui-fuli", "teyao"],
      "联系公益组织，服务困难群体和老年人。",
    ],
    [
      "kechuanghui",
      "科创汇委员工作室",
      "gaozhao-jiedao",
      "创新大道 300 号",
      ["keji"],
      "对接企业技术需求，推动成果转化。",
    ],
    [
      "qiaoxin-jiayuan",
      "侨心家园委员工作室",
      "wangjiangjing-zhen",
      "运河路 12 号",
      ["qiaolian-tailian"],
      "服务侨企和归侨侨眷，宣介涉侨政策。",
    ],
    [
      "tongxin",
      "同心委员工作室",
      "xincheng-jiedao",
      "同心路 9 号",
      ["minzhu-dangpai", "wudangpai"],
      "党外委员共同议政、共商发展的平台。",
    ],
    [
      "hongse-yinling",
      "红色引领委员工作室",
      "gaozhao-jiedao",
      "先锋路 5 号",
      ["zhonggong"],
      "中共党员委员联系群众、带头履职。",
    ],
    [
      "zhigong-zhijia",
      "职工之家委员工作室",
      "honghe-zhen",
      "毛衫城路 46 号",
      ["gonghui"],
      "倾听一线职工心声，开展技能和权益服务。",
    ],
    [
      "shanghui-zhijia",
      "商会之家委员工作室",
      "wangjiangjing-zhen",
      "丝绸路 88 号",
      ["gongshanglian", "jingji"],
      "联系民营企业，协商破解经营难题。",
    ],
    [
      "hetian",
      "禾田委员工作室",
      "youchegang-zhen",
      "菱香路 27 号",
      ["nongye"],
      "服务家庭农场和农业合作社。",
    ],
    [
      "wenyun",
      "文韵委员工作室",
      "xincheng-zhen",
      "古镇老街 36 号",
      ["wenti"],
      "组织文艺演出、全民健身和非遗展示。",
    ],
    [
      "sixiang",
      "思享委员工作室",
      "jiabei-jiedao",
      "书香路 15 号",
      ["shehui-kexue", "xinwen-chuban"],
      "开展理论宣讲、读书分享和调研沙龙。",
    ],
    [
      "shiliuzi",
      "石榴籽委员工作室",
      "tanghui-jiedao",
      "团结路 7 号",
      ["shaoshu-minzu-zongjiao"],
      "促进各民族交往交流交融。",
    ],
    [
      "jiankang-shouhu",
      "健康守护委员工作室",
      "wangdian-zhen",
      "健康路 52 号",
      ["yiwei"],
      "定期开展义诊和健康科普。",
    ],
    [
      "taoli",
      "桃李委员工作室",
      "wangdian-zhen",
      "育才路 10 号",
      ["jiaoyu"],
      "关注乡村教育，开展送教和家庭教育指导。",
    ],
  ] as const
).map(([slug, name, town, street, served, description], i) => ({
  slug,
  name,
  kind: "studio" as const,
  town,
  address: `秀洲区${towns.find((t) => t.slug === town)?.name ?? ""}${street}`,
  description,
  sectors: [...served],
  picture: { scene: STUDIO_SCENES[i % STUDIO_SCENES.length] ?? "hall", variant: i + 3 },
  contactPerson: `${OFFICE_CONTACTS[(i + 4) % OFFICE_CONTACTS.length]}（工作室联络员）`,
  contactPhone: `0573-8301${String(2001 + i * 11).padStart(4, "0")}`,
  openingHours: i % 2 === 0 ? "每周二、周四 9:00—11:30 接待来访" : "每月第一个周六 9:00—16:00 开放",
}));

const venues: DemoOrganisation[] = [
  {
    slug: "weiyuan-huiketing",
    name: "区政协委员会客厅",
    kind: "venue",
    town: "xincheng-jiedao",
    address: "秀洲区新城街道行政中心路 88 号一楼",
    description: "委员与群众面对面交流、开展开门协商的场所。",
  },
  {
    slug: "wangjiangjing-weiyuan-zhijia",
    name: "王江泾镇委员之家",
    kind: "venue",
    town: "wangjiangjing-zhen",
    address: "秀洲区王江泾镇运河路 20 号",
    description: "镇域委员学习交流、接待群众的阵地。",
  },
];

export const organisations: DemoOrganisation[] = [
  ...specialCommittees,
  ...parties,
  ...liaisonOffices,
  ...studios,
  ...venues,
];

export const newsColumns: DemoNewsColumn[] = [
  {
    slug: "zhengxie-zhichuang",
    name: "政协之窗",
    description: "区政协在本地报纸上的专栏，报道重要履职活动。",
  },
  {
    slug: "jiebie-dongtai",
    name: "界别动态",
    description: "各界别开展协商、走访和服务活动的消息。",
  },
  { slug: "weiyuan-fengcai", name: "委员风采", description: "委员扎根基层、服务群众的故事。" },
  { slug: "tongzhi-gonggao", name: "通知公告", description: "活动安排、报名和意见征集等公告。" },
];
