/** Strings of the search pages (Simplified Chinese). */
export const searchMessages = {
  title: "站内搜索",
  metaTitle: (query: string) => `搜索：${query}`,
  intro: "在新闻、活动、办理案例和公众意见中查找，两个字的词也能找到。",
  label: "搜索关键词",
  placeholder: "例如：托育",
  hint: (max: number) => `最多 ${max} 个字。多个词用空格隔开，结果会同时包含这些词。`,
  submit: "搜索",
  kinds: { article: "新闻", event: "活动", case: "案例", opinion: "意见" },
  /** The search entry of an approved public opinion: named by its topic, never its sender. */
  opinionTitle: (topic: string) => `关于“${topic}”的公众意见`,
  cancelled: "已取消",
  resultsLabel: "搜索结果",
  summary: (total: number, query: string, more: boolean) =>
    more ? `找到超过 ${total} 条与“${query}”相关的结果` : `找到 ${total} 条与“${query}”相关的结果`,
  narrow: "结果太多？再加一个词试试，多个词用空格隔开。",
  pageOf: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  titleFirst: "标题中含有关键词的排在前面，其余按时间由近到远。",
  start: {
    title: "想找什么？",
    body: "输入一个词或一句话，比如活动名称、地点、界别或者话题。",
    examples: "试试：",
    words: ["政协", "义诊", "托育", "开门协商", "王江泾"],
  },
  problems: {
    empty: "请输入要查找的内容。",
    tooLong: (max: number) => `搜索词太长了，请控制在 ${max} 个字以内。`,
    noTerms: "请输入汉字、字母或数字，标点符号无法搜索。",
  },
  none: {
    title: (query: string) => `没有找到与“${query}”相关的内容`,
    tips: [
      "检查一下有没有错别字；",
      "换一个更短、更常用的词；",
      "输入了多个词时，去掉其中一个再试。",
    ],
    browse: "也可以直接浏览：",
    news: "新闻",
    events: "活动日历",
  },
  pastLastPage: "这一页已经没有结果了。",
  backToFirst: "回到第一页",
  pagination: {
    label: "搜索结果分页",
    previous: "上一页",
    next: "下一页",
    page: (n: number) => `第 ${n} 页`,
  },
} as const;
