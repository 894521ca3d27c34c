import { formatDateSpan, formatDateTime } from "@/lib/time";

/**
 * The words of notifications (通知) and of the message centre (站内信). Each builder gives
 * the one-line title (the list, the e-mail's subject) and the body (a few plain sentences:
 * what changed, what to do). What reaches members and the public speaks for the committee
 * by its name (`office`, e.g. "某某区政协"), never by a staff member's account.
 */

export interface NotificationText {
  title: string;
  body: string;
}

/** A note's title in book-title marks; an untitled note is still recognisable. */
const quoted = (title: string) => `《${title.trim() || "未命名的走访记录"}》`;

/** Someone's reason as a sentence: ended with a full stop unless it has its own. */
const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[。！？.!?…]$/.test(trimmed) ? trimmed : `${trimmed}。`;
};

/** "2026年5月12日" from a "YYYY-MM-DD" due date. */
const dueDate = (dateKey: string) => formatDateSpan(dateKey, dateKey);

/** A line of someone else's text, cut to a length that reads in a list. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : flat;
}

interface When {
  startsAt: Date;
  timeZone: string;
}
const whenText = ({ startsAt, timeZone }: When) => formatDateTime(startsAt, timeZone);
const venueText = (venue: string) => (venue.trim() ? `，地点：${venue.trim()}` : "");

export const notificationText = {
  // ---- to a note's author ----------------------------------------------------------
  noteReturned: (p: { noteTitle: string; reason: string; office: string }): NotificationText => ({
    title: `您的走访记录${quoted(p.noteTitle)}被退回修改`,
    body: `${p.office}退回了这条走访记录，原因：${sentence(p.reason)}\n请按意见修改后重新提交。`,
  }),
  noteAccepted: (p: { noteTitle: string; office: string }): NotificationText => ({
    title: `您的走访记录${quoted(p.noteTitle)}已被采纳`,
    body: `${p.office}已采纳这条走访记录。后续转办和答复情况，会在这里告诉您。`,
  }),
  noteRejected: (p: { noteTitle: string; reason: string; office: string }): NotificationText => ({
    title: `您的走访记录${quoted(p.noteTitle)}未被采纳`,
    body: `${p.office}未采纳这条走访记录，原因：${sentence(p.reason)}`,
  }),
  noteTransferred: (p: {
    noteTitle: string;
    departments: string;
    dueOn: string;
  }): NotificationText => ({
    title: `您的走访记录${quoted(p.noteTitle)}已转交${p.departments}办理`,
    body: `这条走访记录已转交${p.departments}办理，要求在${dueDate(p.dueOn)}前答复。`,
  }),
  noteAnswered: (p: {
    noteTitle: string;
    department: string;
    answer: string;
  }): NotificationText => ({
    title: `${p.department}已答复您的走访记录${quoted(p.noteTitle)}`,
    body: `${p.department}的答复：${p.answer}`,
  }),
  noteClosed: (p: { noteTitle: string; office: string }): NotificationText => ({
    title: `您的走访记录${quoted(p.noteTitle)}已办结`,
    body: `${p.office}已将这条走访记录办结，感谢您的履职。`,
  }),
  notePublicCase: (p: { noteTitle: string; caseTitle: string }): NotificationText => ({
    title: `您的走访记录${quoted(p.noteTitle)}已编为公开案例`,
    body: `案例《${p.caseTitle}》已在“公开案例”栏目发布，文中已隐去您的个人信息。`,
  }),
  eventPublished: (
    p: { eventTitle: string; venue: string; sector: string } & When,
  ): NotificationText => ({
    title: `${p.sector}活动：${p.eventTitle}`,
    body: `时间：${whenText(p)}${venueText(p.venue)}。欢迎参加。`,
  }),

  // ---- to staff ----------------------------------------------------------------------
  staffNoteSubmitted: (p: { noteTitle: string; author: string }): NotificationText => ({
    title: `新的走访记录待审核：${quoted(p.noteTitle)}`,
    body: `${p.author}委员提交了这条走访记录，请及时审核。`,
  }),
  staffNoteResubmitted: (p: { noteTitle: string; author: string }): NotificationText => ({
    title: `走访记录${quoted(p.noteTitle)}已修改后重新提交`,
    body: `${p.author}委员按退回意见修改后重新提交了这条走访记录，请再次审核。`,
  }),
  staffTransferDue: (p: {
    noteTitle: string;
    department: string;
    dueOn: string;
  }): NotificationText => ({
    title: `转办即将到期：${quoted(p.noteTitle)}`,
    body: `${p.department}尚未答复，答复期限是${dueDate(p.dueOn)}，请及时督办。`,
  }),
  staffTransferOverdue: (p: {
    noteTitle: string;
    department: string;
    dueOn: string;
  }): NotificationText => ({
    title: `转办已逾期：${quoted(p.noteTitle)}`,
    body: `${p.department}的答复期限是${dueDate(p.dueOn)}，至今未答复，请督办。`,
  }),
  staffOpinionPending: (p: { topicTitle: string; body: string }): NotificationText => ({
    title: `新的意见待审核：${p.topicTitle}`,
    body: `有一条意见等待审核：“${excerpt(p.body)}”`,
  }),

  // ---- to a registrant (the public: by SMS, so short and signed by the committee) ----
  registrationConfirmed: (
    p: { eventTitle: string; venue: string; code: string; office: string } & When,
  ): NotificationText => ({
    title: `报名成功：${p.eventTitle}`,
    body: `【${p.office}】您已报名“${p.eventTitle}”，时间：${whenText(p)}${venueText(p.venue)}。签到码：${p.code}，请到场时出示。`,
  }),
  registrationWaitlisted: (p: {
    eventTitle: string;
    position: number;
    office: string;
  }): NotificationText => ({
    title: `已进入候补：${p.eventTitle}`,
    body: `【${p.office}】“${p.eventTitle}”名额已满，您在候补名单第${p.position}位。有人取消时将按顺序递补，并再通知您。`,
  }),
  registrationPromoted: (
    p: { eventTitle: string; venue: string; code: string; office: string } & When,
  ): NotificationText => ({
    title: `候补成功：${p.eventTitle}`,
    body: `【${p.office}】您已从候补递补为正式报名：“${p.eventTitle}”，时间：${whenText(p)}${venueText(p.venue)}。签到码：${p.code}，请到场时出示。`,
  }),
  registrationEventChanged: (
    p: { eventTitle: string; venue: string; office: string } & When,
  ): NotificationText => ({
    title: `活动时间变更：${p.eventTitle}`,
    body: `【${p.office}】您报名的“${p.eventTitle}”时间改为：${whenText(p)}${venueText(p.venue)}。如不能参加，请取消报名，把名额留给他人。`,
  }),
  registrationEventCancelled: (p: {
    eventTitle: string;
    reason: string;
    office: string;
  }): NotificationText => ({
    title: `活动取消：${p.eventTitle}`,
    body: `【${p.office}】很抱歉，您报名的“${p.eventTitle}”已取消${p.reason.trim() ? `，原因：${p.reason.trim()}` : ""}。`,
  }),
  registrationReminder: (
    p: { eventTitle: string; venue: string; code: string; office: string } & When,
  ): NotificationText => ({
    title: `明天的活动：${p.eventTitle}`,
    body: `【${p.office}】提醒您：“${p.eventTitle}”明天举行，时间：${whenText(p)}${venueText(p.venue)}。签到码：${p.code}。`,
  }),
} as const;

/** The message centre's own words. */
export const inboxMessages = {
  title: "消息中心",
  navLabel: "消息",
  /** The header's link, with the count in words for screen readers. */
  headerLink: "消息",
  unreadBadge: (n: number) => (n > 99 ? "99+" : String(n)),
  unreadSr: (n: number) => (n === 0 ? "，没有未读消息" : `，${n}条未读`),
  intro: {
    member: "您的走访记录办理到了哪一步、界别有什么新活动，都会在这里告诉您。",
    staff: "待审核的走访记录、快到期或已逾期的转办、待审核的意见，都会在这里提醒您。",
  },
  summary: (total: number, unread: number) =>
    total === 0 ? "" : `共${total}条消息，${unread === 0 ? "全部已读" : `其中${unread}条未读`}。`,
  empty: "暂时没有消息。",
  unread: "未读",
  read: "已读",
  open: "查看详情",
  markRead: "标为已读",
  markAllRead: "全部标为已读",
  markedAllRead: (n: number) => (n === 0 ? "没有未读消息。" : `已将${n}条消息标为已读。`),
  receivedAt: "收到时间",
  pager: "消息分页",
  previous: "上一页",
  next: "下一页",
  page: (page: number, pages: number) => `第${page}页，共${pages}页`,
  dashboardUnread: (n: number) => (n === 0 ? "没有未读消息" : `您有${n}条未读消息`),
  dashboardLink: "打开消息中心",
  notFound: "这条消息不存在，或不是发给您的。",
} as const;
