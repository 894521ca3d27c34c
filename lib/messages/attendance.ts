import type { ErrorMessages } from "../errors";
import {
  registrationDeskMessages,
  registrationFormMessages,
  registrationLookupMessages,
} from "./registration-desk";

export { fillMessage } from "./registration-desk";

/** Strings of the attendance pages (Simplified Chinese). */
export const attendanceMessages = {
  panel: {
    title: "报名列席",
    capacity: "名额",
    confirmed: "已报名",
    free: "剩余名额",
    waitlist: "候补人数",
    unlimited: "不限",
    people: "人",
    window: "报名时间",
    windowTo: "至",
    windowUntilStart: "活动开始前",
    windowFromNow: "即日起",
    privacy:
      "您填写的姓名、手机号和单位只用于本次活动的报名确认、联系和现场签到，仅政协工作人员可以查看，不会在网站上公开显示。",
    findLink: "已报名？凭报名码查询或取消",
    states: {
      not_open: "未开放",
      open: "报名中",
      closed: "已截止",
      event_cancelled: "活动已取消",
      full: "已满，可排队候补",
    },
    notes: {
      not_open: "报名尚未开始，开始后即可在此填写报名信息。",
      closed: "报名已截止，感谢关注。",
      event_cancelled: "本活动已取消，不再接受报名。",
      full: "名额已满。现在提交将进入候补名单，有人取消时按候补先后自动递补，递补结果可凭报名码查询。",
      open: "名额有限，按报名先后确认。",
    },
  },
  call: {
    open: "本活动欢迎公众报名列席。",
    seatsLeft: (n: number) => `本活动欢迎公众报名列席，还剩 ${n} 个名额。`,
    full: "名额已满，现在报名可排队候补。",
    closes: (when: string) => `报名截止：${when}`,
    button: "我要报名",
    buttonWaitlist: "报名候补",
  },
  form: {
    ...registrationFormMessages,
    errorSummary: "报名未成功，请修改标出的内容后重新提交。",
  },
  fieldErrors: {
    nameRequired: "请填写姓名",
    nameTooShort: "姓名至少2个字",
    nameTooLong: "姓名最多30个字",
    nameInvalid: "姓名只能包含文字、字母、空格和“·”",
    phoneRequired: "请填写手机号",
    phoneInvalid: "请填写正确的11位中国大陆手机号，例如 13800000001",
    phoneDuplicate: "该手机号已报名本活动",
    organisationTooLong: "工作单位最多60个字",
    organisationInvalid: "工作单位不能包含 < > 等特殊符号",
    consentRequired: "请勾选同意个人信息使用说明",
  },
  errors: {
    not_found: "活动不存在或已删除。",
    not_public: "本活动不接受公众报名。",
    not_open: "报名尚未开始，请在报名时间内提交。",
    closed: "报名已截止，未能提交。",
    event_cancelled: "活动已取消，不再接受报名。",
    duplicate_phone:
      "该手机号已报名本活动，不能重复报名。如需查询或取消，请使用报名时获得的报名码。",
    rate_limited: "提交过于频繁，请 {minutes} 分钟后再试。",
    spam: "提交未通过安全校验，请刷新页面后重新填写。",
    unavailable: "系统繁忙，报名未成功，请稍后重试。",
  },
  confirmation: {
    ...registrationDeskMessages,
    metaTitle: "报名详情",
    created: "提交成功！请保存下面的报名码，查询和取消报名都要用到它。",
    createdUnreadable:
      "报名已提交，报名码为 {code}。请记下报名码，稍后在“查询报名”页面查看报名状态。",
    cancelDone: "已取消报名。",
    cancelErrors: {
      confirm_required: "请先勾选“我确认取消本次报名”，再点击取消。",
      already_cancelled: "该报名此前已取消。",
      started: "活动已经开始，报名不能再取消。",
      not_found: "未找到该报名码。",
      rate_limited: "操作过于频繁，请稍后再试。",
      unavailable: "系统繁忙，取消未成功，请稍后重试。",
    },
  },
  lookup: {
    ...registrationLookupMessages,
    metaTitle: "查询报名",
    heading: "查询报名",
    intro: "输入报名时获得的报名码（如 K7QM-3XPD），查看报名状态或取消报名。",
    invalid: "报名码格式不对：应为8位字母和数字，例如 K7QM-3XPD。",
    notFound: "未找到该报名码，请核对后重新输入。",
    rateLimited: "查询过于频繁，请稍后再试。",
    oldLinkTitle: "请在查询页输入报名码",
    oldLinkBody:
      "为保护您的报名信息，报名详情不再使用带报名码的网址。请打开“查询报名”页面，输入报名码查看或取消报名。",
    toLookup: "前往查询报名",
  },
  register: {
    metaTitle: "报名列席",
    backToEvent: "返回活动详情",
    backNav: "返回",
  },
} as const;

/** The refusals of registering and cancelling (AppError codes), for the forms. */
export const registrationErrors: ErrorMessages = {
  not_found: attendanceMessages.errors.not_found,
  not_public: attendanceMessages.errors.not_public,
  not_open: attendanceMessages.errors.not_open,
  closed: attendanceMessages.errors.closed,
  event_cancelled: attendanceMessages.errors.event_cancelled,
  duplicate_phone: attendanceMessages.errors.duplicate_phone,
};
