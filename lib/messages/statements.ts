/**
 * 隐私声明 and 无障碍声明 (Simplified Chinese). The facts come from the running site: the
 * committee's name and contact, the retention periods (RETENTION_DAYS, AUDIT_RETENTION_DAYS)
 * and what docs/security.md says is stored and how.
 */
export interface StatementFacts {
  committee: string;
  host: string;
  contact: string;
  retentionDays: number;
  auditRetentionDays: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export interface StatementSection {
  title: string;
  paragraphs: string[];
  items?: string[];
}

export const privacyStatement = {
  title: "隐私声明",
  intro: (f: StatementFacts) =>
    `本声明说明${f.committee}网站收集哪些个人信息、为什么收集、保存多久、谁能看到，以及您如何查询和更正。`,
  sections: (f: StatementFacts): StatementSection[] => [
    {
      title: "浏览网站",
      paragraphs: [
        "浏览新闻、活动、界别、委员工作室等公开页面不需要注册，也不收集您的姓名或联系方式。本站不使用第三方统计、广告或跟踪代码，页面不从其他网站加载脚本。",
        "为防止滥用，服务器会用访问的 IP 地址短时计算提交和登录的频率，计数到期即删除。",
      ],
    },
    {
      title: "本站使用的 Cookie",
      paragraphs: ["本站只使用网站运行必需的 Cookie，不用于广告或跨站跟踪："],
      items: [
        "lvzhi_elder：记住您是否开启了长者模式（大字、高对比），保存 1 年，不含个人信息。",
        `会话 Cookie（authjs.session-token）：委员和工作人员登录后使用，加密保存，${f.sessionIdleMinutes} 分钟无操作即失效，最长 ${f.sessionMaxHours} 小时。`,
        "lvzhi_login_pending、lvzhi_totp_enrol：登录和设置二次验证的过程中使用，分别在 10 分钟和 15 分钟后失效。",
        "lvzhi_session_ended：退出登录后记录已结束的会话，防止旧的登录凭证被再次使用。",
      ],
    },
    {
      title: "活动报名",
      paragraphs: [
        "报名参加开放活动时，我们收集您的姓名、手机号码和所在单位（选填），用于核对到场、发送活动通知。手机号码在数据库中加密保存（AES-256-GCM），工作人员在名单中只能看到隐去中间四位的号码；查看完整号码或导出名单都会记入审计日志。",
        `活动结束 ${f.retentionDays} 天后，系统自动清除报名人的姓名和手机号码，只保留人数统计。`,
      ],
    },
    {
      title: "意见征集",
      paragraphs: [
        "提交意见时，我们收集您的姓名、联系方式（选填）、意见内容和提交时的 IP 地址。联系方式加密保存，仅供工作人员回复您时使用。公开展示的意见只显示内容、日期和隐去部分字的姓名（如“张*”），从不公开联系方式、IP 地址或完整姓名。",
        `议题征集结束 ${f.retentionDays} 天后，系统自动清除姓名、联系方式和 IP 地址。`,
      ],
    },
    {
      title: "委员和工作人员账号",
      paragraphs: [
        "账号保存用户名、姓名、手机号码（加密）、角色、所属界别或联络室、最近登录时间和二次验证密钥（加密）；密码只保存不可逆的哈希值（argon2id）。委员上传的走访照片在保存前会去除拍摄地点（GPS）、相机型号等附加信息。",
        `登录、修改和查看个人信息等操作记入审计日志，审计记录保存 ${f.auditRetentionDays} 天后归档。`,
      ],
    },
    {
      title: "信息共享",
      paragraphs: [
        "我们不向任何第三方出售或提供您的个人信息。委员提交的社情民意经审核后，其中的问题（不含报名人、意见提交人的个人信息）可能转交有关职能部门办理。法律法规另有规定的除外。",
      ],
    },
    {
      title: "查询、更正和删除",
      paragraphs: [
        `如需查询、更正或删除您的个人信息，或对本声明有疑问，请联系${f.host}：${f.contact}。我们将在 15 个工作日内答复。`,
      ],
    },
  ],
} as const;

export const accessibilityStatement = {
  title: "无障碍声明",
  intro: (f: StatementFacts) =>
    `${f.committee}希望每一位居民和委员，包括老年人和残障人士，都能方便地使用本网站。`,
  sections: (f: StatementFacts): StatementSection[] => [
    {
      title: "遵循的标准",
      paragraphs: [
        "本站按照国家标准 GB/T 37668—2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》和 WCAG 2.1 AA 级的要求设计和测试，并参照工业和信息化部《互联网网站适老化通用设计规范》提供长者模式。",
      ],
    },
    {
      title: "我们做了什么",
      paragraphs: ["本站的每个页面："],
      items: [
        "长者模式：点击页头的“长者模式”即可放大全站文字（125%）、加深文字颜色、给链接加下划线并关闭一切动画；选择会被记住。",
        "新闻文章可以单独选择“标准、大、特大”三种字号，无需安装任何插件。",
        "不依赖 JavaScript：活动报名、站内搜索、意见征集和登录在关闭脚本时同样可用。",
        "可以只用键盘操作：每页开头有“跳到主要内容”链接，焦点位置有明显的金色边框。",
        "图片有文字说明，图表附有数据表格，表单的每个输入框都有名称、提示和出错时的中文说明，读屏软件可以朗读。",
        "文字与背景的对比度不低于 4.5:1，长者模式下进一步加深；页面适配手机、平板和电脑屏幕。",
        "每次发布前都用自动化工具（axe）检查主要页面，发现的问题修复后才上线。",
      ],
    },
    {
      title: "已知的不足",
      paragraphs: [
        "部分新闻图片由通讯员提供，说明文字可能较简单；活动中上传的现场照片暂无逐张的文字说明。我们正在逐步补充。",
      ],
    },
    {
      title: "反馈",
      paragraphs: [
        `如果您在使用本站时遇到困难，或需要以其他方式获取某项内容，请联系${f.host}：${f.contact}。我们会在 5 个工作日内答复，并尽快改进。`,
      ],
    },
  ],
} as const;
