import { at, localDate, localDayLabel, localLabel, localYear } from "./time";
import type { DemoArticle, DemoEvent } from "./types";

function requireEvent(events: DemoEvent[], key: string): DemoEvent {
  const event = events.find((e) => e.key === key);
  if (!event) throw new Error(`demo data: no event ${key}`);
  return event;
}

/**
 * Articles dated relative to `now`: the research month's announcement, a notice
 * of an open consultation, and a report scheduled three days ahead.
 */
export function buildRecentArticles(now: Date, events: DemoEvent[]): DemoArticle[] {
  const year = localYear(now);
  const start = localDate(now, -3);
  const end = localDate(now, 35);
  const childcare = requireEvent(events, "upcoming-childcare-consultation");
  const smartHome = requireEvent(events, "upcoming-smart-home-visit");
  const closes = childcare.registrationClosesAt ?? childcare.startsAt;

  return [
    {
      slug: `research-month-${year}-launch`,
      picture: { scene: "village", variant: 11 },
      column: "tongzhi-gonggao",
      sectors: [],
      status: "published",
      title: `${year}年界别调研月启动`,
      summary: `调研月从${localDayLabel(start)}持续到${localDayLabel(end)}，各界别将围绕活动周的五个协商议题深入走访。`,
      correspondent: "区政协办公室",
      coverCredit: "秀洲区政协办公室 供图",
      publishedAt: at(start, "10:00"),
      body: `${year}年界别调研月自${localDayLabel(start)}起开展，至${localDayLabel(end)}结束。

第十九届界别活动周中，委员们在企业、学校、社区和乡村收集了不少意见建议。经过梳理，这些意见被归入产业升级、外贸出海、科技创新、人口均衡、基层共富五个方向，作为本次调研月的重点课题。

## 工作安排

1. 各专委会牵头，与相关界别组成课题组，制订走访计划；
2. 委员走访后及时在系统中提交走访记录，写清所见所闻和具体建议；
3. 课题组形成调研报告，经专家阅评后汇编，报送区委、区政府；
4. 较成熟的课题将在明年全会上转化为大会发言或重点提案。

调研期间，“人口均衡”和“基层共富”两个议题同时面向社会征集意见，欢迎通过本网站“意见征集”栏目留言。`,
    },
    {
      slug: `${localDate(now, -1)}-childcare-consultation-notice`,
      column: "tongzhi-gonggao",
      event: childcare.key,
      sectors: ["fulian", "gongqingtuan"],
      status: "published",
      title: "“托育服务扩容”开门协商公开报名",
      summary: `${localLabel(childcare.startsAt)}在${childcare.venue}举行，欢迎家长和托育从业者报名列席。`,
      correspondent: "嘉北街道联络室",
      publishedAt: at(localDate(now, -1), "15:00"),
      body: `区政协妇联、共青团界别将于${localLabel(childcare.startsAt)}在${childcare.venue}举行“托育服务扩容”开门协商，现面向社会公开邀请列席人员。

## 报名须知

- 名额：${childcare.capacity ?? 0}人，按报名先后确认，额满后进入候补，有人取消时自动递补；
- 截止：${localLabel(closes)}；
- 方式：在本网站活动页面填写姓名和手机号，每个手机号限报一次；
- 报名成功后会得到一个取消码，如不能到场，请用取消码取消，把名额留给其他人。

协商当天请凭报名信息签到。没能报上名的朋友，也可以通过“意见征集”栏目就人口均衡议题留言。`,
    },
    {
      slug: `${localDate(now, 3)}-smart-home-visit-report`,
      picture: { scene: "city", variant: 12 },
      column: "jiebie-dongtai",
      event: smartHome.key,
      sectors: ["jingji", "gongshanglian"],
      status: "published",
      title: "智能家居企业盼“丝路通”拓展服务",
      summary: "调研月首场走访：经济界委员到王江泾镇智能家居企业，听企业讲出口路上的难处。",
      reporter: "钱一帆",
      correspondent: "许晴",
      coverCredit: "秀洲区政协办公室 供图",
      // Scheduled: three days ahead, at a normal local publishing hour.
      publishedAt: at(localDate(now, 3), "10:00"),
      body: `调研月开始后不久，经济界委员来到王江泾镇智能家居产业园，先后走访三家出口型企业。

企业负责人说，产品认证、海外仓和跨境物流是最费心的环节，希望外贸服务平台能提供更多针对智能家居行业的服务。

委员们把企业的需求逐条记录下来，将作为“外贸出海”重点课题的一手材料，在调研报告中提出具体建议。`,
    },
  ];
}
