import { at } from "./time";
import type { DemoArticle } from "./types";

const CREDIT = "秀洲区政协办公室 供图";

/** Reports of the activity week's seven events, published after each one. */
export function buildActivityWeekArticles(): DemoArticle[] {
  const common = { status: "published" as const, coverCredit: CREDIT };
  return [
    {
      ...common,
      slug: "2026-05-ai-biomed-visit",
      picture: { scene: "city", variant: 0 },
      column: "jiebie-dongtai",
      event: "2026-ai-biomed",
      sectors: ["keji", "yiwei"],
      title: "科技界委员走进医院科研一线 探路“AI+生物医药”",
      summary: "委员和专家在区人民医院高新院区看平台、听介绍、谈合作，为“健康秀洲”出点子。",
      reporter: "周文澜",
      correspondent: "陆思远",
      publishedAt: at("2026-05-09", "10:00"),
      body: `5月8日上午，区政协科技界委员邀请几位生物医药行业的专家，一同来到秀洲区人民医院高新院区，开展“AI+生物医药”专题走访。

在医院的科研平台，委员们看了智能影像辅助阅片、临床数据管理等实际应用，也听医院介绍了近年来科研平台建设和与企业合作的进展。

## 委员们关注的三件事

- 在守住安全和隐私的前提下，医疗数据怎样更好地服务科研；
- 本地生物医药企业和医院之间，临床试验的对接渠道能否更顺畅；
- 既懂医学又懂工程的复合型人才从哪里来、怎样留得住。

“新技术用得好不好，最后要看老百姓看病是不是更方便。”一位委员在座谈时说。科技界将把走访中听到的意见整理成文，作为今年调研工作的参考。`,
    },
    {
      ...common,
      slug: "2026-05-silk-road-consultation",
      picture: { scene: "village", variant: 1 },
      column: "zhengxie-zhichuang",
      event: "2026-silk-road",
      sectors: ["jingji", "gongshanglian"],
      title: "“丝路通”怎样走得更远？王江泾开门协商话出海",
      summary: "委员和外贸企业负责人坐到一起，为外贸服务平台拓展服务范围、补齐人才短板出主意。",
      reporter: "钱一帆",
      correspondent: "许晴",
      publishedAt: at("2026-05-13", "09:30"),
      body: `5月12日下午，王江泾镇联络室组织委员开展“丝路通”平台建设专题协商。会场里除了委员，还有十多位报名列席的外贸企业负责人。

大家谈得最多的，是平台的服务面偏窄：目前主要围绕纺织品外贸，其他行业的企业用起来不够顺手。

## 协商中提出的建议

1. 依托王江泾智能家居产业的基础，把平台服务延伸到智能家居等更多行业；
2. 针对外贸岗位出台专门的人才引进政策；
3. 平台定期收集企业需求，及时调整服务内容。

镇联络室表示，这些意见将分类整理后移交相关部门办理，办理情况会向委员和企业反馈。`,
    },
    {
      ...common,
      slug: "2026-05-birth-friendly-consultation",
      picture: { scene: "hall", variant: 2 },
      column: "jiebie-dongtai",
      event: "2026-birth-friendly",
      sectors: ["gonghui", "fulian", "gongqingtuan"],
      title: "三个界别同场协商 为生育友好型社会建设献策",
      summary: "工会、妇联、共青团界别委员先看服务窗口，再围绕婚恋、补贴、托育和家庭教育建言。",
      reporter: "蒋若溪",
      correspondent: "顾晓川",
      publishedAt: at("2026-05-15", "10:00"),
      body: `5月14日，工会、妇联、共青团三个界别的委员联合开展生育友好型社会建设专题协商。

协商之前，委员们先后来到区婚姻登记服务中心和区妇幼保健院，从登记、孕检到儿童保健，一环一环了解公共服务的实际情况。

下午的座谈会上，委员们结合走访所见各抒己见：有的建议多为青年搭建交友平台；有的提出生育补贴要和住房、就业等政策配套；有的直言托育名额仍然紧张，希望推动更多普惠托育点落地；还有委员建议把家庭教育指导送进社区。

相关意见将纳入今年的界别调研月课题，继续深入调研。`,
    },
    {
      ...common,
      slug: "2026-05-gongfu-market",
      picture: { scene: "market", variant: 3 },
      column: "weiyuan-fengcai",
      event: "2026-gongfu-market",
      sectors: ["nongye", "gongshanglian", "jingji"],
      title: "集市上的履职课：九位委员逛摊位、听民声",
      summary: "新城街道的共富集市上，委员们和摊主、居民面对面，带回一份让集市更红火的建议清单。",
      reporter: "周文澜",
      correspondent: "陆思远",
      publishedAt: at("2026-05-17", "09:00"),
      body: `5月16日是个周六，亚都社区的共富集市比平时更热闹。新城街道联络室组织来自不同界别的九位委员，一早就来到集市，一个摊位一个摊位地了解经营情况。

“东西不少，就是品种来来去去就那几样。”一位常来赶集的居民说。摊主们则说，知道集市的人还不够多，生意时好时坏。

## 委员们记下的问题

- 商品种类偏少，缺少生鲜和有特色的文创产品；
- 宣传主要靠口口相传，渠道有限；
- 集市靠活动带动，还没有形成长期运营的办法；
- 有的小区离得远，居民参与不多。

针对这些问题，委员们建议把农业、文旅和小微企业的资源引进来，丰富生鲜、文创和日用品；用好短视频和社区网格群，线上线下一起宣传；同时研究建立集市的常态化运营机制。`,
    },
    {
      ...common,
      slug: "2026-05-yintong-school",
      picture: { scene: "school", variant: 4 },
      column: "jiebie-dongtai",
      event: "2026-yintong-school",
      sectors: ["wenti"],
      title: "一堂海洋科普课 一批新器材：送教服务走进印通小学",
      summary:
        "文体界委员和民进会员来到印通小学，给孩子们讲船舶与海洋的故事，并捐赠文体器材和图书。",
      reporter: "钱一帆",
      correspondent: "许晴",
      publishedAt: at("2026-05-21", "10:00"),
      body: `5月20日下午，文体界委员与民进秀洲基层委员会的会员一起走进印通小学，开展“六送下乡”送教服务。

科普讲座“向海图强 书写‘船’奇”从古代的木帆船讲到今天的远洋巨轮，图片和视频一出来，孩子们就举手抢着提问。

讲座结束后，委员们把一批篮球、跳绳、乒乓球拍和两百多册课外读物交到学校手中。校长说，这些器材和图书会放进学校的体育室和图书角，让更多孩子用得上。`,
    },
    {
      ...common,
      slug: "2026-05-free-clinic",
      picture: { scene: "clinic", variant: 5 },
      column: "weiyuan-fengcai",
      event: "2026-free-clinic",
      sectors: ["yiwei"],
      title: "名医坐诊到家门口：医卫界在康安医院办义诊",
      summary: "医卫界委员带着临床专家和业务骨干，为群众免费看病、讲解健康知识。",
      reporter: "蒋若溪",
      correspondent: "顾晓川",
      publishedAt: at("2026-05-23", "09:00"),
      body: `5月22日一早，“嘉有名医 祝您健康”主题义诊在秀洲区康安医院开诊，不到八点半，门诊大厅就排起了队。

医卫界委员邀请的临床专家和业务骨干分科坐诊，为前来的群众看病、解读化验单、调整用药建议。旁边的健康咨询台免费测量血压和血糖。

工作人员还向群众发放了便民生活用品和健康科普小册子。一位老人拿着刚调整好的用药清单说：“专家讲得清楚，我心里踏实多了。”

医卫界表示，今后将依托委员工作室，把义诊做成常态化的服务。`,
    },
    {
      ...common,
      slug: "2026-05-zhiai-zhuqiao",
      picture: { scene: "hall", variant: 6 },
      column: "jiebie-dongtai",
      event: "2026-zhiai-zhuqiao",
      sectors: ["qiaolian-tailian"],
      title: "“致爱助侨”再出发：侨企讲创新 律师讲侨法",
      summary: "侨联、台联界与致公党秀洲区支部联合举办活动，为侨资企业数字化、国际化发展提供服务。",
      reporter: "周文澜",
      correspondent: "陆思远",
      publishedAt: at("2026-05-28", "10:00"),
      body: `5月27日下午，侨联、台联界和致公党秀洲区支部在侨心家园委员工作室联合举办“致爱助侨”主题活动，这是双方连续多年共同打造的公益品牌。

活动开场，两家侨资企业分享了各自在数字化改造和开拓海外市场方面的经验。随后，工作人员解读了近期出台的涉外经贸政策，律师围绕保护归侨侨眷合法权益的法律作了专题讲解。

活动最后发布了助侨专项行动倡议，号召更多委员和侨界人士为侨企发展牵线搭桥。`,
    },
  ];
}
