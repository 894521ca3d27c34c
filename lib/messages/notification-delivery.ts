import type { SecurityEventAction } from "../vocabulary";

/**
 * The words of notification delivery (Simplified Chinese): the e-mail's frame, the
 * account-security notice, the profile's channel choices and the administrators' page.
 * The message centre's own words and the other kinds' titles live elsewhere.
 */
export const deliveryMessages = {
  /** Why a delivery was marked skipped (shown on the administrators' page). */
  skipped: {
    email: "本服务器未配置电子邮件发送（SMTP_URL）",
    sms: "本服务器未配置短信发送（SMS_PROVIDER）",
    noAddress: "接收人没有可用的地址，或已关闭这种通知方式",
  },
  mail: {
    greeting: "您好：",
    open: "查看详情",
    footer: (site: string) =>
      `此邮件由${site}自动发送，请勿直接回复。如不想再收到邮件通知，可在“账号与安全”页面关闭。`,
    siteName: "履职通",
  },
  security: {
    title: "账号安全提醒",
    /** What happened, in the words the profile's security list uses. */
    body: (what: string, byOther: boolean) =>
      `您的账号刚刚${byOther ? "（由管理员操作）" : ""}：${what}。如果这不是您本人或您知道的操作，请立即修改密码、退出所有设备，并联系政协办公室。`,
    link: "/member/profile",
  },
  channels: {
    title: "通知方式",
    intro:
      "站内信始终开启。您还可以选择通过电子邮件或短信接收通知（例如走访记录的办理进展、账号安全提醒）。",
    email: "电子邮箱",
    emailHint: "选填。填写后可以通过邮件接收通知；留空则不发送邮件。",
    byEmail: "通过电子邮件通知我",
    bySms: "通过短信通知我",
    smsHint: (masked: string | null) =>
      masked
        ? `短信发送到账号登记的手机号 ${masked}。`
        : "账号尚未登记手机号，短信通知无法发送；如需登记，请联系政协办公室。",
    currentHint: "为保护账号安全（例如手机未退出登录时被他人使用），保存通知方式须输入当前密码。",
    save: "保存通知方式",
    saved: "通知方式已保存。",
    errors: {
      emailInvalid: "请填写有效的电子邮箱地址，例如 name@example.org。",
      emailTooLong: "电子邮箱地址太长（最多 254 个字符）。",
      emailNeeded: "选择邮件通知时，请先填写电子邮箱地址。",
      invalid: "提交的内容有误，请按提示修改。",
    },
  },
  admin: {
    title: "通知发送",
    intro:
      "电子邮件和短信通知的发送情况。发送失败的通知在多次重试后停止，可在排除原因（如邮件服务器或短信配置）后点“重试”重新发送。",
    tabs: { failed: "发送失败", pending: "等待发送" },
    caption: "通知发送记录",
    empty: "没有记录。",
    columns: {
      created: "生成时间",
      kind: "类型",
      title: "标题",
      recipient: "接收人",
      channel: "渠道",
      attempts: "尝试次数",
      next: "下次尝试",
      error: "最近的错误",
      actions: "操作",
    },
    channel: { email: "电子邮件", sms: "短信" },
    registrant: (id: number) => `报名 #${id}`,
    retry: "重试",
    retried: "已重新排入发送队列。",
    notFailed: "这条通知不是“发送失败”状态，无需重试。",
    notFound: "没有找到这条通知。",
    unexpected: "操作没有完成，请稍后重试。",
  },
} as const;

/** The security event's words for the notice (the profile's list uses the same). */
export type SecurityEventWords = Record<SecurityEventAction, string>;
