/** Words of the staff console: audit. */
export const cmsAuditMessages = {
  title: "审计日志",
  intro:
    "记录所有工作人员和委员的写操作、登录尝试、查看和导出个人信息。日志只能追加，不能修改或删除，至少保留 180 天。",
  retention: (since: string | null, days: number) =>
    since
      ? `数据库中的日志自 ${since} 起。超过 ${days} 天的日志由每日的保留任务归档到文件（含哈希，可单独校验）后移出数据库，其余任何途径都不能删除日志。`
      : "目前还没有日志。",
  filters: "筛选日志",
  actor: "操作人",
  actorHint: "用户名或用户编号",
  action: "操作",
  actionHint: "输入时会列出可选的操作，选一项即可。",
  targetType: "对象类型",
  targetId: "对象编号",
  from: "开始日期",
  to: "结束日期",
  table: {
    caption: "审计日志",
    at: "时间",
    actor: "操作人",
    ip: "IP 地址",
    action: "操作",
    target: "对象",
    details: "详情",
  },
  empty: "没有符合条件的日志。",
  export: "导出表格",
  exportHint: (limit: number) => `按当前筛选条件导出，最多 ${limit} 条。导出操作本身也会记入日志。`,
  csvHeader: [
    "编号",
    "时间",
    "操作人编号",
    "操作人",
    "IP 地址",
    "操作",
    "对象类型",
    "对象编号",
    "详情",
  ],
  filename: (date: string) => `审计日志-${date}.csv`,
  invalidDate: "日期格式不正确，请使用 年-月-日。",
  public: "公众",
  system: "系统",
} as const;
