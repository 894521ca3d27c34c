/**
 * The words of the registration form and desk (components/attendance): the form, the lookup,
 * and a registration as its holder sees it. A file of its own because these are client
 * components on an event's page and on /registrations: importing the attendance catalogue
 * would send the panel's, the refusals' and the pages' strings to the browser too. The
 * catalogue (attendance.ts) spreads these into its `form`, `confirmation` and `lookup`.
 */

export const registrationFormMessages = {
  legend: "报名信息",
  name: "姓名",
  nameHint: "请填写真实姓名，现场签到时核对",
  phone: "手机号",
  phoneHint: "中国大陆手机号，每个手机号限报一次",
  organisation: "工作单位",
  optional: "（选填）",
  organisationHint: "企业、单位或所在社区，最多60个字",
  required: "（必填）",
  honeypot: "网址（请勿填写）",
  consent: "我已阅读上方说明，同意政协工作人员为报名、联系和签到使用我的姓名、手机号和单位信息。",
  submit: "提交报名",
  submitWaitlist: "登记候补",
  submitting: "正在提交…",
} as const;

export const registrationDeskMessages = {
  heading: "报名详情",
  codeLabel: "报名码",
  codeHint: "请截图或抄下报名码。凭报名码可随时查看报名状态、取消报名。",
  status: "报名状态",
  statuses: {
    confirmed: "已确认",
    waitlisted: "候补第{position}位",
    cancelled: "已取消",
  },
  statusNotes: {
    confirmed: "请按时到场，出示上方的二维码或报名码签到。",
    waitlisted: "名额已满，您在候补名单中。有人取消时按顺序自动递补，请留意本页面状态。",
    cancelled: "本报名已取消，名额已让给其他报名者。",
  },
  promoted: "已由候补递补为正式名额",
  visit: {
    title: "到场须知",
    when: "什么时候",
    where: "在哪里",
    bring: "请带上",
    bringCode: "本页的二维码或报名码（可以截图保存）",
    organisers: "主办方提醒",
    arrive: "请提前 15 分钟到场，在入口出示二维码或报名码签到。",
    waitlisted: "您还在候补名单中：递补成功后再按以下安排到场。",
    beijingTime: "（北京时间）",
  },
  event: "活动",
  time: "时间",
  venue: "地点",
  name: "姓名",
  phone: "手机号",
  organisation: "工作单位",
  registeredAt: "报名时间",
  cancelledAt: "取消时间",
  eventCancelled: "注意：本活动已取消。",
  backToEvent: "查看活动详情",
  cancelTitle: "取消报名",
  cancelIntro: "如不能到场，请取消报名，把名额留给候补的朋友。取消后不能恢复。",
  cancelConfirm: "我确认取消本次报名",
  cancelSubmit: "取消报名",
  cancelNotPossible: "活动已经开始，报名不能再取消。",
  savedLinkIntro: "可收藏下面的链接，以后打开它即可查询（报名码只保存在您的浏览器里）：",
  savedLink: "我的报名查询链接",
  lookUpAnother: "查询其他报名码",
} as const;

export const registrationLookupMessages = {
  label: "报名码",
  hint: "8位字母和数字，不区分大小写，可省略中间的短横线",
  submit: "查询",
} as const;

/** The check-in QR on a registration (components/checkin/qr-code.tsx draws it). */
export const registrationQrMessages = {
  qrLabel: (code: string) => `报名码 ${code} 的签到二维码`,
  qrHint: "到场时请出示此二维码（或报名码），工作人员扫码即可签到。",
} as const;

/** "{minutes}" → 10 … for the few messages with a placeholder. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
