/** Strings of the directory pages (Simplified Chinese). */
export const directoryMessages = {
  breadcrumb: "当前位置",
  home: "首页",
  sectors: {
    title: "界别",
    intro: (count: number) =>
      `政协委员按界别组成，本届共设 ${count} 个界别。各界别联合专委会、党派和镇街开展协商、走访和“六送下乡”服务，委员工作室为界别委员联系群众提供固定阵地。`,
    listLabel: "界别列表",
    upcoming: "近期活动",
    studios: "委员工作室",
    eventsUnit: "场",
    studiosUnit: "个",
    empty: "暂无界别。",
  },
  sector: {
    metaDescription: (name: string, description: string) =>
      `${name}：${description} 查看${name}的近期活动、往期活动、界别动态和服务该界别的委员工作室。`,
    badge: "界别",
    upcoming: "近期活动",
    past: "往期活动",
    news: "界别动态",
    studios: "服务本界别的委员工作室",
    noUpcoming: "近期暂无本界别的活动安排，敬请关注。",
    noPast: "暂无往期活动。",
    noNews: "暂无本界别的新闻。",
    noStudios: "暂无服务本界别的委员工作室。",
    calendar: "在活动日历中查看",
    subscribe: "订阅本界别活动到手机日历",
    figures: { upcoming: "场近期活动", studios: "个委员工作室" },
  },
  studios: {
    title: "委员工作室",
    intro: (count: number, sectors: number) =>
      `${count} 个委员工作室分布在各镇街，服务 ${sectors} 个界别，是委员联系群众、开展履职活动的固定阵地，欢迎群众就近走进工作室反映意见建议。`,
    listLabel: "委员工作室列表",
    town: "所在镇街",
    address: "地址",
    sectors: "服务界别",
    empty: "暂无委员工作室。",
    byTown: "按镇街查看",
  },
  contact: {
    person: "联系人",
    phone: "电话",
    openingHours: "开放时间",
    callLabel: (name: string, phone: string) => `拨打${name}电话 ${phone}`,
    address: "地址",
    /** The heading of a sector's or a town's own contact. */
    title: (name: string) => `${name}联系方式`,
  },
  studio: {
    metaDescription: (name: string, description: string) =>
      `${name}：${description} 查看工作室的地址、服务界别和参与组织的活动。`,
    badge: "委员工作室",
    about: "工作室信息",
    upcoming: "近期活动",
    past: "往期活动",
    noUpcoming: "近期暂无本工作室参与组织的活动，敬请关注。",
    noPast: "暂无往期活动。",
    noAddress: "地址待公布",
    townLink: (town: string) => `${town}的联络室和工作室`,
  },
  towns: {
    title: "镇街与联络室",
    intro: (count: number) =>
      `全区 ${count} 个镇（街道）都设有区政协联络室，组织辖区委员开展走访、协商和服务活动。联络室和委员工作室的地址如下，欢迎就近联系。`,
    jumpLabel: "快速跳转到镇街",
    groups: { subdistrict: "街道", town: "镇" },
    count: (n: number) => `${n} 个`,
    liaisonOffice: "联络室",
    noOffice: "联络室信息待公布",
    studios: "委员工作室",
    noStudios: "暂无委员工作室",
    address: "地址",
    calendar: "本镇街活动日历",
  },
} as const;
