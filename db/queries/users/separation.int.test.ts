import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles, recoveryCodes, users } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import type { Actor } from "@/lib/auth/types";
import { saveArticleIn } from "../news/write";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import {
  createUserIn,
  reinviteUserIn,
  resetTotpIn,
  setUserEnabledIn,
  updateUserIn,
} from "./staff-write";

/**
 * Separation of duties (三权分立) where the writes happen: the system administrator runs
 * content but not accounts, the security administrator accounts but not content, the
 * audit administrator neither; and the security administrator cannot act on their own
 * role or credentials. The pages and the audit log's route are checked in e2e.
 */

const staff = staffHarness();

const newAccount = (username: string) => ({
  username,
  displayName: "测试账号",
  role: "member" as const,
  phone: null,
  sectorId: null,
  organisationId: null,
});

const articleInput = (title: string, status: "draft" | "published") => ({
  title,
  slug: null,
  columnId: staff.ids.column,
  summary: "摘要。",
  body: "正文。",
  reporter: "",
  correspondent: "",
  coverCredit: "",
  eventId: null,
  sectorIds: [],
  status,
  publishedAt: null,
  cover: { keep: true } as const,
});

async function sessionVersionOf(id: number): Promise<number | undefined> {
  const [row] = await staff.db
    .select({ v: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id));
  return row?.v;
}

describe(`separation of duties on ${driverLabel()}`, () => {
  it("refuses every account write to the system and audit administrators", async () => {
    const { db, editor } = staff;
    const target = editor.user.id;
    const before = await sessionVersionOf(target);
    for (const actor of [staff.admin, staff.auditor, staff.editor] as Actor[]) {
      await expectAppError(
        createUserIn(db, actor, newAccount(`x${actor.user.id}`), "c".repeat(64)),
        "forbidden",
      );
      await expectAppError(
        updateUserIn(db, actor, target, {
          displayName: "陈静",
          role: "admin",
          sectorId: null,
          organisationId: staff.ids.xinchengOffice,
        }),
        "forbidden",
      );
      await expectAppError(setUserEnabledIn(db, actor, target, false), "forbidden");
      await expectAppError(resetTotpIn(db, actor, target), "forbidden");
      await expectAppError(reinviteUserIn(db, actor, target, "d".repeat(64)), "forbidden");
    }
    const [row] = await db
      .select({ role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, target));
    expect(row).toEqual({ role: "editor", status: "active" });
    expect(await sessionVersionOf(target)).toBe(before);
    expect(await auditCount(db, "user.create")).toBe(0);
  });

  it("lets the security administrator manage accounts, administrators' roles included", async () => {
    const { db, security } = staff;
    const { userId } = await createUserIn(db, security, newAccount("sjy"), "e".repeat(64));
    await updateUserIn(db, security, userId, {
      displayName: "审计员二",
      role: "auditor",
      sectorId: null,
      organisationId: null,
    });
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
    expect(row?.role).toBe("auditor");
    expect(await auditCount(db, "user.update", userId)).toBe(1);
  });

  it("keeps the security administrator off their own role and credentials", async () => {
    const { db, security } = staff;
    const self = security.user.id;
    await db
      .update(users)
      .set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() })
      .where(eq(users.id, self));
    await db.insert(recoveryCodes).values({ userId: self, codeHash: "f".repeat(64) });
    const before = await sessionVersionOf(self);
    for (const role of ["admin", "auditor", "member"] as const) {
      await expectAppError(
        updateUserIn(db, security, self, {
          displayName: "安全管理员",
          role,
          sectorId: null,
          organisationId: null,
        }),
        "invalid_state",
        "role",
      );
    }
    // Replacing one's own second factor or password goes through 账号与安全, which asks
    // for the password and a current code; the console is for other people's accounts.
    await expectAppError(resetTotpIn(db, security, self), "invalid_state");
    await expectAppError(reinviteUserIn(db, security, self, "a".repeat(64)), "invalid_state");
    await expectAppError(setUserEnabledIn(db, security, self, false), "invalid_state");
    const [row] = await db
      .select({ role: users.role, secret: users.totpSecret, status: users.status })
      .from(users)
      .where(eq(users.id, self));
    expect(row).toEqual({ role: "security", secret: "JBSWY3DPEHPK3PXP", status: "active" });
    expect(await db.$count(recoveryCodes, eq(recoveryCodes.userId, self))).toBe(1);
    expect(await sessionVersionOf(self)).toBe(before);
    expect(await auditCount(db, "user.totp_reset", self)).toBe(0);
    expect(await auditCount(db, "auth.invite.create", self)).toBe(0);
  });

  it("refuses news to the security and audit administrators", async () => {
    const { db } = staff;
    for (const actor of [staff.security, staff.auditor]) {
      await expectAppError(
        saveArticleIn(db, actor, null, articleInput("越权发布", "published")),
        "forbidden",
      );
      await expectAppError(
        saveArticleIn(db, actor, null, articleInput("越权草稿", "draft")),
        "forbidden",
      );
    }
    expect(await db.$count(articles, eq(articles.title, "越权发布"))).toBe(0);
    expect(await db.$count(articles, eq(articles.title, "越权草稿"))).toBe(0);
    // The system administrator's own work still goes through.
    const { id } = await saveArticleIn(
      db,
      staff.admin,
      null,
      articleInput("系统发布", "published"),
    );
    const [row] = await db
      .select({ status: articles.status })
      .from(articles)
      .where(eq(articles.id, id));
    expect(row?.status).toBe("published");
  });
});
