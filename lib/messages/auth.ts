/** Logging in, invitations, two-step verification and the account page. */
export const authMessages = {
  roles: { admin: "管理员", editor: "编辑", member: "委员" },
  header: {
    myArea: "我的履职",
    signOut: "退出",
    accountNav: "账号",
  },
  login: {
    title: "登录",
    intro: "政协委员和工作人员请使用管理员分配的账号登录。",
    identifier: "用户名或手机号",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    noAccount: "还没有账号？请联系政协办公室，由工作人员发送邀请链接。",
    forgot: "忘记密码？请联系政协办公室重新发送设置密码的链接。",
    alreadySignedIn: "您已登录为 {name}。",
    goToArea: "进入我的履职",
    errors: {
      identifierRequired: "请输入用户名或手机号",
      passwordRequired: "请输入密码",
      // The one answer for a wrong password, an unknown name and a locked account alike
      // (server/auth/login.ts): the lockout rule (LOCKOUT in lib/auth/policy.ts) is stated.
      invalid: "用户名或密码错误。连续输错 5 次后，账号将暂停登录 15 分钟。",
      // Only after the right password, at the second step.
      locked: "该账号因连续多次输错已被暂时锁定，请于 {time} 之后再试。",
      rateLimited: "尝试次数过多，请 {minutes} 分钟后再试。",
      restart: "登录已超时或账号状态已变化，请重新输入用户名和密码。",
      failed: "登录暂时无法完成，请稍后再试。",
    },
    notices: {
      signed_out: "您已安全退出。",
      logged_out_all: "已退出所有设备，请重新登录。",
      password_changed: "密码已修改，所有设备均已退出，请用新密码登录。",
      password_set: "密码设置成功，请用新密码登录。",
      restart: "登录已超时或账号状态已变化，请重新输入用户名和密码。",
      failed: "登录暂时无法完成，请稍后再试。",
    },
  },
  totp: {
    title: "两步验证",
    intro:
      "请打开手机上的身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、腾讯身份验证器），输入显示的 6 位验证码。",
    code: "验证码",
    codeHint: "6 位数字。手机不在身边时，可输入一个恢复码（形如 abcd-efgh-jkmn）。",
    submit: "验证并登录",
    restart: "返回，重新登录",
    errors: {
      required: "请输入验证码",
      invalid: "验证码不正确或已使用过，请输入应用中当前显示的验证码。",
    },
  },
  enrol: {
    title: "设置两步验证",
    introStaff:
      "管理员和编辑账号必须开启两步验证：每次登录时，除密码外还要输入手机应用生成的验证码。",
    introMember: "开启后，每次登录时除密码外还要输入手机应用生成的验证码，账号更安全。",
    step1:
      "在手机上安装身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、腾讯身份验证器）。",
    step2: "在应用中扫描下方二维码；无法扫描时，选择手动输入，填入下方密钥。",
    step3: "输入应用显示的 6 位验证码，完成设置。",
    qrAlt: "两步验证二维码：用身份验证器应用扫描",
    secretLabel: "密钥（手动输入用）",
    code: "应用显示的 6 位验证码",
    submit: "确认开启",
    cancel: "取消",
    invalid: "验证码不正确，请输入应用中当前显示的验证码（每 30 秒更新）。",
    expired: "设置已超时，请重新开始。",
    recoveryTitle: "请保存恢复码",
    recoveryIntro:
      "手机丢失或更换时，可以用恢复码代替验证码登录，每个恢复码只能使用一次。恢复码只显示这一次，请抄写或打印后妥善保管，不要告诉他人。",
    recoveryListLabel: "恢复码",
    continue: "我已保存恢复码，继续",
    done: "两步验证已开启。",
    backToProfile: "完成，返回账号与安全",
  },
  invite: {
    title: "设置登录密码",
    welcome: "{name}，您好！欢迎使用履职通。请为账号 {username} 设置登录密码。",
    password: "新密码",
    confirm: "再次输入新密码",
    rules:
      "密码长度 10 到 128 个字符，可以包含中文、字母、数字和符号；不能是常见密码，也不能包含用户名或手机号。建议用一句自己容易记住的话。",
    submit: "设置密码",
    expiresAt: "本链接有效期至 {time}，只能使用一次。",
    invalidTitle: "邀请链接无效",
    invalidBody: "该链接已经使用过、已过期或不存在。请联系政协办公室重新发送邀请。",
    backToLogin: "前往登录",
  },
  password: {
    problems: {
      too_short: "密码太短：至少需要 10 个字符",
      too_long: "密码太长：最多 128 个字符",
      common: "这是一个常见密码，很容易被猜中，请换一个",
      contains_username: "密码不能包含用户名或手机号",
      same_as_current: "新密码不能与当前密码相同",
    },
    mismatch: "两次输入的新密码不一致",
    required: "请输入新密码",
  },
  profile: {
    title: "账号与安全",
    intro: "查看账号信息，修改密码，管理两步验证和登录设备。",
    info: "账号信息",
    username: "用户名",
    displayName: "姓名",
    role: "身份",
    phone: "手机号",
    sector: "界别",
    organisation: "所属单位",
    lastLogin: "最近登录",
    none: "—",
    passwordTitle: "修改密码",
    passwordIntro: "修改后，所有设备（包括当前设备）都将退出登录，需要用新密码重新登录。",
    current: "当前密码",
    newPassword: "新密码",
    confirm: "再次输入新密码",
    passwordSubmit: "修改密码",
    passwordChangedAt: "上次修改：{time}",
    errors: {
      currentRequired: "请输入当前密码",
      wrongCurrent: "当前密码不正确",
      rateLimited: "尝试次数过多，请 {minutes} 分钟后再试。",
      failed: "操作未能完成，请稍后再试。",
    },
    totpTitle: "两步验证",
    totpOn: "已开启。登录时需要输入身份验证器应用中的验证码。",
    totpOff: "未开启。",
    totpRequired: "管理员和编辑账号必须开启两步验证，不能关闭。",
    recoveryLeft: "剩余恢复码：{count} 个",
    totpEnable: "开启两步验证",
    totpReenrol: "更换手机或重新设置",
    totpReenrolHint: "重新设置后，原来的验证器和恢复码将失效。",
    totpDisable: "关闭两步验证",
    totpDisableHint: "关闭前请输入当前密码。",
    totpDisabled: "两步验证已关闭。",
    sessionsTitle: "登录设备",
    sessionsIntro:
      "如果在别人的电脑或手机上登录过，或怀疑账号被他人使用，可以让所有设备立即退出登录（包括当前设备）。",
    logoutAll: "退出所有设备",
  },
} as const;

/** Fills `{name}` placeholders. */
export function fillAuthMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
