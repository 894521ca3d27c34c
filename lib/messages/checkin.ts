import { registrationQrMessages } from "./registration-desk";

/**
 * The words the resend form draws (components/attendance/resend-code-form.tsx), handed to it
 * by its page: plain strings, so they cross to the browser without the rest.
 */
export const resendFormMessages = {
  title: "忘记报名码？",
  intro: "输入报名时填写的手机号，报名码会以短信重新发送到这个手机。",
  phone: "报名手机号",
  submit: "重新发送报名码",
  noSms:
    "本站尚未开通短信，不能重新发送报名码。报名码只显示在报名确认页上；如已遗失，请联系活动主办方，到场时凭姓名和手机号核实。",
} as const;

/**
 * Strings of check-in by QR (Simplified Chinese): the registrant's QR, the staff scanner,
 * the event's own sign-in QR for members (委员扫码签到), and resending a lost code.
 */
export const checkinMessages = {
  receipt: registrationQrMessages,
  scanner: {
    start: "打开摄像头扫码",
    stop: "关闭摄像头",
    scanning: "正在扫描：请将二维码对准取景框。",
    unavailable: "无法打开摄像头。请允许本网站使用摄像头，或直接输入报名码。",
    unsupported: "此浏览器不支持摄像头扫码，请直接输入报名码。",
    preview: "摄像头画面",
  },
  staff: {
    title: "扫码签到",
    pageTitle: (event: string) => `扫码签到：${event}`,
    intro: "扫描报名人确认页上的二维码，或输入报名码。每次结果都会显示在下方。",
    typedTitle: "输入报名码",
    code: "报名码",
    codeHint: "8 位，例如 K7QM-3XPD。",
    submit: "签到",
    codeRequired: "请输入报名码。",
    resultTitle: "签到结果",
    waiting: "等待扫码或输入报名码。",
    done: (name: string) => `签到成功：${name}`,
    already: (name: string, time: string) => `${name} 已于 ${time} 签到，请勿重复签到。`,
    notFound: "没有找到这个报名码对应的本活动报名，请核对后再试。",
    waitlisted: "这位报名人仍在候补名单中，尚未获得名额，不能签到。",
    cancelled: "这条报名已取消，不能签到。",
    counts: (checkedIn: number, confirmed: number) => `已签到 ${checkedIn} / ${confirmed} 人`,
    toList: "报名名单",
    toScanner: "扫码签到",
    toMemberQr: "委员签到二维码",
  },
  eventQr: {
    title: "委员签到二维码",
    pageTitle: (event: string) => `委员签到二维码：${event}`,
    intro:
      "请到场委员用手机相机或本站“扫码签到”页扫描此二维码签到。二维码每分钟更新，截图或转发的旧码会失效。",
    qrLabel: (event: string) => `${event} 的委员签到二维码`,
    refresh: "刷新二维码",
    notYet: (time: string) => `签到二维码将于 ${time} 开放（活动开始前 30 分钟）。`,
    over: "活动已结束，签到二维码已停用。",
    cancelled: "活动已取消，不能签到。",
    signedIn: (n: number) => `已扫码签到委员 ${n} 人`,
  },
  member: {
    title: "委员签到",
    doneTitle: "签到成功",
    done: (event: string) => `您已签到：${event}`,
    alreadyTitle: "已签到",
    already: (time: string) => `您已于 ${time} 签到过本活动，无需重复签到。`,
    at: "签到时间",
    event: "活动",
    when: "活动时间",
    inDuty: "签到已记入您的履职档案。",
    toDuty: "查看我的履职档案",
    confirmTitle: "委员签到",
    confirmIntro: "请在活动现场点击下方按钮，完成本次签到。",
    confirm: "确认签到",
    confirming: "正在签到…",
    refusedTitle: "未能签到",
    refusals: {
      expired: "二维码已过期，请重新扫描现场展示的签到二维码。",
      invalid: "二维码无效：它不是本站为这个活动生成的签到码。请扫描现场展示的签到二维码。",
      not_yet: "本活动的签到尚未开始（活动开始前 30 分钟开放）。",
      over: "本活动已结束，不能再签到。",
      cancelled: "本活动已取消，不能签到。",
      not_found: "没有找到这个活动，请扫描现场展示的签到二维码。",
    },
    scanTitle: "扫码签到",
    scanIntro: "扫描活动现场展示的委员签到二维码；也可以直接用手机相机扫描。",
    scanLink: "扫码签到",
    foreign: "这不是本站的委员签到二维码，请扫描活动现场展示的签到二维码。",
    opening: "已识别签到二维码，正在打开签到页…",
  },
  resend: {
    ...resendFormMessages,
    answer: "如果这个手机号报名了本活动，报名码已通过短信发送到该手机，请留意查收。",
    invalidPhone: "请输入报名时填写的 11 位手机号。",
    rateLimited: (minutes: number) => `请求过于频繁，请 ${minutes} 分钟后再试。`,
    smsTitle: (code: string) => `您的报名码：${code}`,
    smsBody: (event: string, code: string) =>
      `您报名参加“${event}”的报名码是 ${code}，签到时请出示。如非本人操作，请忽略本短信。`,
  },
} as const;
