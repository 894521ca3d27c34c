import { roleLabels } from "./common";
import { pipelineErrors, pipelineNoteMessages } from "./pipeline/notes";
import { pipelineWorkMessages } from "./pipeline/work";

/**
 * Strings of the staff console's shell and of the note pipeline (Simplified Chinese). The
 * pipeline's own words live in lib/messages/pipeline/; this object puts them together
 * under the names the console and the e2e specs use.
 */
export const adminMessages = {
  shell: {
    title: "工作台",
    product: "履职通 · 工作台",
    nav: "工作台导航",
    menu: "工作台菜单",
    pipeline: "走访记录办理",
    content: "内容与服务",
    system: "系统",
    mine: "我的",
    signedInAs: (name: string, role: string) => `${name}（${role}）`,
    backToSite: "返回网站首页",
    logout: "退出登录",
    roles: roleLabels,
    items: {
      dashboard: "工作台",
      notes: "走访记录审核",
      departments: "职能部门",
      research: "调研课题",
      proposals: "提案",
      duty: "履职档案",
      news: "新闻",
      events: "活动",
      registrations: "报名",
      directory: "目录",
      settings: "网站设置",
      users: "用户",
      stats: "统计",
      audit: "审计日志",
      notifications: "通知发送",
      cases: "公开案例",
      opinions: "意见征集",
      messages: "消息中心",
    },
  },

  ...pipelineNoteMessages,
  ...pipelineWorkMessages,
  errors: pipelineErrors,

  pagination: {
    label: "分页",
    previous: "上一页",
    next: "下一页",
    status: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  },
  common: {
    required: "（必填）",
    optional: "（选填）",
    saving: "正在保存…",
    yes: "是",
    no: "否",
    none: "无",
    view: "查看",
  },
} as const;

export type AdminMessages = typeof adminMessages;
