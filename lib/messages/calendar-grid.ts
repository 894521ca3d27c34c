/**
 * The month grid's words (components/calendar/month-table.tsx). A file of their own
 * because the grid is a client component: importing the whole calendar catalogue would
 * send every calendar string to the browser.
 */
export const calendarGridMessages = {
  weekdays: ["一", "二", "三", "四", "五", "六", "日"],
  weekdayNames: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
  today: "今天",
  eventsOnDay: (count: number) => `${count} 场活动`,
  moreOnDay: (count: number) => `另有 ${count} 场`,
  cancelled: "已取消",
} as const;
