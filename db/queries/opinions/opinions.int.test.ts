import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { Database } from "../../client";
import { auditLog, opinions, topics } from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { searchPublic } from "../search/public";
import { staffActor } from "../shared/test-staff";
import {
  maskPersonName,
  selectApprovedOpinions,
  selectOpenTopics,
  submitOpinionIn,
} from "./public";
import { listOpinionsForModerationIn, moderateOpinionsIn } from "./staff";

let handle: TestDatabase;
let db: Database;
let admin: Actor;
let editor: Actor;

async function topicId(slug: string) {
  const [t] = await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, slug));
  return t?.id ?? 0;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const pw = "x".repeat(12);
  await seedDemoData(db, {
    withAccounts: true,
    passwords: { admin: pw, editor: pw, member1: pw, member2: pw },
  });
  admin = await staffActor(db, "admin", "192.0.2.9");
  editor = await staffActor(db, "editor", "192.0.2.9");
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("maskPersonName", () => {
  it("keeps the first character and stars the rest", () => {
    expect(maskPersonName("张三")).toBe("张*");
    expect(maskPersonName("张三丰")).toBe("张**");
    expect(maskPersonName("（已清除）")).toBe("（已清除）");
    expect(maskPersonName("欧阳娜娜")).toBe("欧***");
    expect(maskPersonName("Anna")).toBe("A***");
    expect(maskPersonName("王")).toBe("王*");
    expect(maskPersonName("  ")).toBe("*");
  });
});

describe(`opinions on ${driverLabel()}`, () => {
  it("lists only the topics open for opinions", async () => {
    expect((await selectOpenTopics(db)).map((t) => t.slug)).toEqual([
      "renkou-junheng",
      "jiceng-gongfu",
    ]);
  });

  it("takes opinions on open topics only, pending, with nothing public until approved", async () => {
    const closed = await topicId("chanye-shengji");
    const open = await topicId("jiceng-gongfu");
    const refused = await submitOpinionIn(db, {
      topicId: closed,
      name: "张三丰",
      contact: "",
      body: "x",
      ip: "198.51.100.7",
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);

    const { id } = await submitOpinionIn(db, {
      topicId: open,
      name: "张三丰",
      contact: "13900000000",
      body: "集市可以周末晚上也开。",
      ip: "198.51.100.7",
    });
    const [row] = await db
      .select({ status: opinions.status })
      .from(opinions)
      .where(eq(opinions.id, id));
    expect(row?.status).toBe("pending");
    expect((await selectApprovedOpinions(db, [open])).opinions).toHaveLength(0);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "opinion.submit"), eq(auditLog.targetId, String(id))));
    expect(JSON.stringify(audit?.details)).not.toContain("13900000000");

    const queue = await listOpinionsForModerationIn(db, {
      status: "pending",
      topicId: null,
      page: 1,
    });
    expect(queue.rows.map((r) => r.id)).toContain(id);
  });

  it("lets admins approve (shown, name masked, no contact) and withdraw, audited", async () => {
    const open = await topicId("renkou-junheng");
    const a = await submitOpinionIn(db, {
      topicId: open,
      name: "李四",
      contact: "li@example.com",
      body: "希望增加托育名额。",
      ip: "198.51.100.8",
    });
    const b = await submitOpinionIn(db, {
      topicId: open,
      name: "王五",
      contact: "",
      body: "广告 http://spam.example",
      ip: "198.51.100.9",
    });
    expect(await moderateOpinionsIn(db, editor, [a.id], "approved").catch((e) => e.code)).toBe(
      "forbidden",
    );

    await moderateOpinionsIn(db, admin, [a.id], "approved");
    await moderateOpinionsIn(db, admin, [b.id], "rejected");
    const shown = await selectApprovedOpinions(db, [open]);
    expect(shown.opinions).toEqual([
      expect.objectContaining({ id: a.id, nameMasked: "李*", body: "希望增加托育名额。" }),
    ]);
    expect(JSON.stringify(shown.opinions)).not.toMatch(/李四|li@example.com|198\.51/);
    expect(shown.totals.get(open)).toBe(1);

    // The approved opinion joins the public search under its topic, without its sender;
    // the rejected one does not.
    const opinionHits = async (q: string) =>
      (await searchPublic(db, q)).results.filter((r) => r.kind === "opinion");
    const found = await opinionHits("增加托育名额");
    expect(found).toEqual([
      expect.objectContaining({ refId: a.id, url: `/opinions#topic-${open}` }),
    ]);
    expect(JSON.stringify(found)).not.toMatch(/李四|li@example.com|198\.51/);
    expect(await opinionHits("spam")).toHaveLength(0);

    await moderateOpinionsIn(db, admin, [a.id], "rejected");
    expect(await opinionHits("增加托育名额")).toHaveLength(0);
    expect((await selectApprovedOpinions(db, [open])).opinions).toHaveLength(0);
    const actions = (
      await db
        .select({ a: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetType, "opinion"), eq(auditLog.targetId, String(a.id))))
    ).map((r) => r.a);
    expect(actions).toEqual(["opinion.submit", "opinion.approve", "opinion.reject"]);
  });
});
