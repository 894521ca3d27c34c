import { errorPanelMessages } from "./error-panel";

/**
 * Every user-facing string, Simplified Chinese first. A second locale is a second
 * object of the same shape.
 */
/** The roles' names, one list for every catalogue that shows them. */
export const roleLabels = {
  admin: "系统管理员",
  security: "安全管理员",
  auditor: "审计管理员",
  editor: "编辑",
  member: "委员",
} as const;

export const commonMessages = {
  site: {
    product: "履职通",
    tagline: "界别履职服务平台",
    skipToContent: "跳到正文",
    mainNav: "主导航",
    menu: "菜单",
    searchLabel: "站内搜索",
    searchPlaceholder: "搜索新闻、活动",
    searchButton: "搜索",
    elderOn: "适老模式",
    elderOff: "标准模式",
    elderOnHint: "切换到适老模式：更大的字、更强的对比",
    elderOffHint: "切换回标准模式",
  },
  nav: {
    home: "首页",
    news: "新闻",
    events: "活动日历",
    sectors: "界别",
    studios: "委员工作室",
    towns: "镇街",
    cases: "公开案例",
    opinions: "意见征集",
    stats: "数据统计",
    login: "登录",
  },
  footer: {
    contact: "联系我们",
    address: "地址",
    phone: "电话",
    email: "邮箱",
    postcode: "邮编",
    poweredBy: "本站由「履职通」提供技术支持",
  },
  home: {
    currentCampaign: "正在进行",
    upcomingCampaign: "即将开始",
    pastCampaign: "最近一届",
    pictureNews: "图片新闻",
    latestNews: "最新动态",
    moreNews: "更多新闻",
    upcomingEvents: "近期活动",
    campaignEvents: "本期活动安排",
    calendar: "活动日历",
    noNews: "暂无新闻。",
    noEvents: "近期暂无活动安排，敬请关注。",
    figures: { events: "场活动", sectors: "个界别参与", towns: "个镇街覆盖" },
    services: "六送下乡",
    servicesIntro: "把文化、体育、卫生、教育、法律、科技服务送到群众家门口",
    openToPublic: "可报名列席",
    cancelled: "已取消",
  },
  eventKinds: {
    consultation: "专题协商",
    visit: "调研走访",
    service: "六送下乡",
    lecture: "讲座",
    clinic: "义诊",
    market: "集市",
    meeting: "会议",
  },
  serviceTypes: {
    culture: "送文化",
    sports: "送体育",
    health: "送卫生",
    education: "送教育",
    law: "送法律",
    science: "送科技",
  },
  errors: {
    notFoundTitle: "页面不存在",
    notFoundBody: "您访问的页面不存在或已被移除。",
    backHome: "返回首页",
    ...errorPanelMessages,
    /** Any form whose text holds a NUL or another control character (lib/text/control-characters.mjs). */
    controlCharacters: "内容含有无法识别的控制字符，请删除后重试",
  },
} as const;
