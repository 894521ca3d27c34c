/**
 * Strings of the staff content console (news, events, registrations, directory, users,
 * figures, audit log, public cases, opinions) and of the public /cases, /opinions and
 * /stats pages. Simplified Chinese.
 */
export const cmsCommonMessages = {
  save: "保存",
  saving: "正在保存…",
  create: "新建",
  edit: "编辑",
  view: "查看",
  back: "返回列表",
  search: "搜索",
  filter: "筛选",
  reset: "清除筛选",
  all: "全部",
  none: "（无）",
  notSet: "未填写",
  required: "（必填）",
  optional: "（选填）",
  actions: "操作",
  yes: "是",
  no: "否",
  count: (n: number) => `共 ${n} 条`,
  countMore: (n: number) => `超过 ${n} 条`,
  errorSummary: "有内容需要修改，请按提示改正后再提交。",
  unexpected: "保存没有成功，请稍后再试。内容已保留。",
  csv: "下载表格",
  csvHint: "表格文件可直接用 Excel 或 WPS 打开。",
  lastUpdated: (when: string) => `最后修改：${when}`,
  pagination: {
    label: "分页",
    previous: "上一页",
    next: "下一页",
    status: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  },
  breadcrumb: "当前位置",
  console: "工作台",
} as const;

/** Refusals from db/queries (AppError codes), for a whole form. */
export const cmsErrorsMessages = {
  not_found: "没有找到这条内容，它可能已被删除，或不在您的管理范围内。",
  forbidden: "您没有进行这项操作的权限。",
  out_of_scope: "保存后这条内容将不在您的管理范围内，请保留本单位或本界别。",
  link_out_of_scope: "只能关联本界别，以及您管理范围内的活动。",
  organiser_out_of_scope: "主办单位只能选本界别或本单位；要加其他主办单位，请联系管理员。",
  town_out_of_scope: "只能选本单位所在的镇（街道）；在其他镇（街道）办的活动，请联系管理员。",
  slug_taken: "这个网址标识已被使用，请换一个。",
  username_taken: "这个用户名已被使用，请换一个。",
  phone_taken: "这个手机号已绑定其他账号。",
  stale: "这条内容在您编辑期间已被他人修改。请复制您的改动，刷新页面后再保存。",
  invalid_state: "当前状态下不能进行这项操作，请刷新页面查看最新状态。",
  in_use: "这条内容仍被引用，不能删除。",
  bad_image: "无法识别这张图片，请上传 JPG、PNG 或 WebP 格式的照片。",
  image_too_large: "图片太大，请上传 15 MB 以内的图片。",
  personal_data: "内容中含有个人信息，请删除后再保存。",
  not_eligible: "这条走访记录不能（或已经）生成公开案例。",
  rate_limited: (minutes: number) => `提交太频繁，请 ${minutes} 分钟后再试。`,
  csrf: "请求来源无效，请从页面上的按钮操作。",
} as const;

/** Per-field messages shared by the forms. */
export const cmsFieldMessages = {
  required: (label: string) => `请填写${label}。`,
  choose: (label: string) => `请选择${label}。`,
  tooLong: (label: string, max: number) => `${label}不能超过 ${max} 个字。`,
  invalidChoice: (label: string) => `${label}的选项无效，请重新选择。`,
  invalidCharacters: (label: string) => `${label}含有无法识别的字符，请删除后重试。`,
  invalidDate: (label: string) => `${label}的日期或时间格式不正确。`,
  invalidNumber: (label: string) => `${label}应为整数。`,
  noMarkup: (label: string) => `${label}中不能包含 < 或 > 等符号。`,
  slug: "网址标识只能使用小写字母、数字和连字符（-），以字母或数字开头，2–80 个字符。",
} as const;
