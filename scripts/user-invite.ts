// Accounts from the command line (the admin console does the same in the browser):
//
//   npm run user:invite -- --username zhangsan --name 张三 --role member \
//        [--phone 13800000003] [--sector keji] [--organisation xincheng-jiedao-lianluoshi]
//   npm run user:invite -- --username zhangsan --reissue   # a new link (the old one stops working)
//   npm run user:disable -- zhangsan                       # every open session ends at once
//   npm run user:enable -- zhangsan
//
// The invitation link (valid 7 days, usable once) is printed; only its SHA-256 is stored.
//
// Bootstrapping (三权分立): the console's accounts page is the security administrator's
// alone, so the first accounts come from here, one per role, for three different people:
//   npm run user:invite -- --username anquan --name 安全管理员姓名 --role security
//   npm run user:invite -- --username xitong --name 系统管理员姓名 --role admin
//   npm run user:invite -- --username shenji --name 审计管理员姓名 --role auditor
// Every later account is created by the security administrator in the console. The
// command runs on the server with its database: whoever runs it is the operator, and
// each invitation it makes is audited as "cli:<os user>".
// Uses DATABASE_URL, or the embedded database (refused while a server holds it).
// Run with node's "react-server" condition (the npm scripts pass it), like the server.
import os from "node:os";
import { parseArgs } from "node:util";
import { userRoles } from "@/lib/vocabulary";
import { migrateDatabase, openDatabase } from "../db/client";
import { createInvitedAccountIn, setAccountEnabledIn } from "../db/queries/users/accounts";
import { reissueInvitationIn } from "../db/queries/users/invitations";
import { generateInvitationToken, invitationUrl } from "../lib/auth/invitation";
import { normalisePhone } from "../lib/auth/policy";
import { env } from "../lib/env";
import { type ErrorMessages, isAppError } from "../lib/errors";
import { formatDateTime } from "../lib/time";

const USAGE = `用法 (usage):
  user-invite.ts invite --username 用户名 --name 姓名 --role member|editor|admin|security|auditor
                        [--phone 手机号] [--sector 界别slug] [--organisation 单位slug]
  user-invite.ts invite --username 用户名 --reissue
  user-invite.ts disable 用户名
  user-invite.ts enable 用户名`;

/** The command line's words for the refusals of the account queries. */
const ERRORS: ErrorMessages = {
  username_taken: "用户名已存在（如需重新发送邀请，请加 --reissue）",
  phone_taken: "该手机号已被其他账号使用",
  unknown_user: "没有这个用户名的账号",
  unknown_sector: "没有这个界别（请用界别的 slug，如 keji）",
  unknown_organisation: "没有这个单位（请用单位的 slug）",
};

class UsageError extends Error {}

/** Lower-case letters first, then letters, digits, "_", "." or "-": never a phone number. */
const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

function parseInvite(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      phone: { type: "string" },
      sector: { type: "string" },
      organisation: { type: "string" },
      reissue: { type: "boolean", default: false },
    },
    strict: true,
  });
  const username = values.username?.trim() ?? "";
  if (!USERNAME.test(username)) {
    throw new UsageError("用户名须为 3–32 位小写字母开头的字母、数字或 _ . -");
  }
  if (values.reissue) return { kind: "reissue" as const, username };
  const displayName = values.name?.trim() ?? "";
  if (displayName.length < 1 || displayName.length > 40)
    throw new UsageError("请用 --name 给出姓名（1–40 字）");
  const role = userRoles.find((r) => r === values.role);
  if (!role) throw new UsageError(`--role 须为 ${userRoles.join("、")} 之一`);
  let phone: string | null = null;
  if (values.phone) {
    phone = normalisePhone(values.phone);
    if (!phone) throw new UsageError("手机号应为 11 位数字，如 13800000003");
  }
  return {
    kind: "create" as const,
    account: {
      username,
      displayName,
      role,
      phone,
      sectorSlug: values.sector ?? null,
      organisationSlug: values.organisation ?? null,
    },
  };
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command !== "invite" && command !== "disable" && command !== "enable") {
    throw new UsageError("缺少或未知的命令");
  }
  const invite = command === "invite" ? parseInvite(rest) : null;
  const username = command === "invite" ? null : (rest[0]?.trim() ?? "");
  if (username !== null && (!username || rest.length !== 1))
    throw new UsageError("请给出一个用户名");

  const handle = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL, poolMax: 2 })
    : await openDatabase({ dataDir: env.PGLITE_DIR });
  try {
    await migrateDatabase(handle);
    const now = new Date();
    const actor = { actorId: null, actorLabel: `cli:${os.userInfo().username}`, ip: null };
    if (invite) {
      const { token, tokenHash } = generateInvitationToken();
      const { expiresAt } =
        invite.kind === "create"
          ? await createInvitedAccountIn(handle.db, {
              account: invite.account,
              tokenHash,
              now,
              actor,
            })
          : await reissueInvitationIn(handle.db, {
              username: invite.username,
              tokenHash,
              now,
              actor,
            });
      console.log("邀请链接（只显示这一次；7 天内有效，只能使用一次）:");
      console.log(invitationUrl(env.SITE_URL, token));
      console.log(`有效期至 ${formatDateTime(expiresAt)} (Asia/Shanghai)`);
      return;
    }
    const enabled = command === "enable";
    const { status } = await setAccountEnabledIn(handle.db, {
      username: username ?? "",
      enabled,
      now,
      actor,
    });
    console.log(
      enabled
        ? `账号 ${username} 已启用（状态：${status}）。`
        : `账号 ${username} 已停用，所有已登录的会话立即失效。`,
    );
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  const parseArgsError = String((error as { code?: unknown }).code ?? "").startsWith(
    "ERR_PARSE_ARGS",
  );
  if (error instanceof UsageError || parseArgsError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (isAppError(error) && ERRORS[error.code]) {
    console.error(ERRORS[error.code]);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
