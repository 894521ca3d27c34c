import type { ErrorMessages } from "@/lib/errors";
import { roleLabels } from "../common";
import { cmsGateErrors } from "./gate";

/** Words of the staff console: users. */
export const cmsUsersMessages = {
  title: "用户管理",
  intro: "创建账号并发送一次性邀请链接，设置角色和管理范围，停用账号或重置两步验证。",
  newUser: "新建用户",
  newTitle: "新建用户",
  editTitle: (name: string) => `用户：${name}`,
  filters: "筛选用户",
  role: "角色",
  status: "状态",
  keyword: "用户名或姓名",
  roles: roleLabels,
  statuses: { invited: "待激活", active: "正常", disabled: "已停用" },
  table: {
    caption: "用户列表",
    username: "用户名",
    displayName: "姓名",
    role: "角色",
    scope: "界别 / 单位",
    phone: "手机号",
    status: "状态",
    totp: "两步验证",
    lastLogin: "最近登录",
  },
  totpOn: "已开启",
  totpOff: "未开启",
  never: "从未登录",
  empty: "没有符合条件的用户。",
  fields: {
    username: "用户名",
    usernameHint: "3–32 位小写字母、数字、下划线或连字符，以字母开头。用于登录，创建后不能修改。",
    displayName: "姓名",
    phone: "手机号",
    phoneHint: "可用于登录。留空表示不绑定。",
    role: "角色",
    roleHint:
      "系统管理员管理内容和配置，安全管理员管理账号，审计管理员只查看审计日志；一个账号只有一个角色。工作人员登录时必须使用两步验证。",
    sector: "界别",
    organisation: "所属单位（联络室等）",
    scopeHint: "编辑只能管理本界别或本单位的新闻和活动。",
  },
  fieldErrors: {
    username: "用户名为 3–32 位小写字母、数字、下划线或连字符，以字母开头，且不能是手机号。",
    phone: "请输入 11 位中国大陆手机号。",
    editorScope: "编辑需要选择界别或所属单位（管理范围）。",
    ownRole: "不能修改自己的角色。",
  },
  created: "账号已创建。",
  invitation: {
    title: "邀请链接（只显示这一次）",
    hint: (when: string) =>
      `请通过安全的方式把链接发给本人。链接 ${when} 前有效，只能使用一次；离开本页后无法再次查看，如遗失请重新生成。`,
    copyLabel: "邀请链接",
    reissue: "重新生成邀请链接",
    reissueHint: "生成新链接后，之前的链接立即失效。",
    done: "已生成新的邀请链接。",
  },
  saved: "已保存。角色或管理范围有变化时，该用户需要重新登录。",
  disable: "停用账号",
  disableHint: "停用后该用户立即退出所有设备，无法登录。",
  disabled: "账号已停用，该用户已退出所有设备。",
  enable: "启用账号",
  enabled: "账号已启用。",
  resetTotp: "重置两步验证",
  resetTotpHint:
    "用于用户丢失手机的情况：清除验证器和恢复码，用户立即退出登录，下次登录时重新设置。",
  totpReset: "两步验证已重置，该用户下次登录时需要重新设置。",
  selfNote:
    "这是您自己的账号：不能停用、修改角色、重置两步验证或重新生成邀请链接。修改密码和两步验证请到“账号与安全”。",
  accountActions: "账号操作",
  createdAt: "创建时间",
  lastLogin: "最近登录",
} as const;

/** What the account actions answer to each refusal (server/action.ts's `errors`). */
export const cmsUsersErrors = {
  ...cmsGateErrors,
  unknown_user: cmsGateErrors.not_found,
  unknown_sector: cmsGateErrors.not_found,
  unknown_organisation: cmsGateErrors.not_found,
} satisfies ErrorMessages;
