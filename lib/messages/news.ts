/** Strings of the news pages, feeds and article metadata (Simplified Chinese). */
export const newsMessages = {
  title: "新闻",
  intro: "区政协工作动态、界别活动报道、委员履职故事和通知公告。",
  breadcrumb: "当前位置",
  home: "首页",
  columnsLabel: "新闻栏目",
  allColumns: "全部",
  listLabel: (column: string) => `${column}文章列表`,
  empty: "本栏目暂无文章，敬请关注。",
  emptyAll: "暂无新闻。",
  count: (total: number) => `共 ${total} 篇`,
  pagination: {
    label: "分页",
    previous: "上一页",
    next: "下一页",
    page: (n: number) => `第 ${n} 页`,
    status: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  },
  subscribe: {
    title: "订阅",
    intro: "用新闻阅读软件订阅，有新文章时会自动收到，不用天天来看。",
    rss: "用阅读器订阅新闻",
    atom: "用阅读器订阅新闻（备用格式）",
    rssOf: (column: string) => `用阅读器订阅「${column}」`,
    atomOf: (column: string) => `用阅读器订阅「${column}」（备用格式）`,
  },
  article: {
    published: "发布时间",
    reporter: "记者",
    correspondent: "通讯员",
    coverCredit: (who: string) => `图片由${who}提供`,
    sectors: "相关界别",
    event: "相关活动",
    related: "相关报道",
    noRelated: "暂无相关报道。",
    backToColumn: (column: string) => `返回「${column}」`,
    backToNews: "返回新闻列表",
  },
  meta: {
    listTitle: "新闻",
    listDescription: (committee: string) =>
      `${committee}新闻：工作动态、界别动态、委员风采和通知公告。`,
    columnDescription: (column: string, description: string, committee: string) =>
      description
        ? `${committee}「${column}」：${description}`
        : `${committee}「${column}」栏目文章。`,
    pageSuffix: (page: number) => `（第 ${page} 页）`,
  },
  feed: {
    title: (site: string, column?: string) => (column ? `${site} · ${column}` : `${site} · 新闻`),
    description: (committee: string, column?: string) =>
      column ? `${committee}「${column}」栏目最新文章` : `${committee}最新新闻`,
    copyright: (committee: string, year: number) => `© ${year} ${committee}`,
    unknownColumn: "没有这个栏目。全部新闻的订阅地址是 /feed.xml 或 /atom.xml。",
  },
  files: {
    notFound: "文件不存在。",
  },
} as const;
