import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { type NoteFieldsData, parseNoteFields } from "@/lib/notes/fields";
import type { Database } from "../../client";
import {
  departments,
  fieldNotes,
  notificationDeliveries,
  notifications,
  topics,
  towns,
  users,
} from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { createCaseIn, setCasePublishedIn } from "../cases/write";
import { submitNoteIn } from "../notes/write";
import { submitOpinionIn } from "../opinions/public";
import { applyNoteActionIn } from "../pipeline/moves";
import { recordAnswerIn, transferNoteIn } from "../pipeline/transfers";
import { expectAppError, sessionUser } from "../shared/test-staff";

/**
 * Each change of a note (and a new opinion) writes exactly one notification to each person
 * it concerns, with the words and link they need, in the change's own transaction: a
 * refused or repeated change writes none, and one rolled back takes its notification along.
 */

const NOW = new Date("2026-11-26T03:00:00Z"); // 11:00 in Asia/Shanghai
const TODAY = "2026-11-26";

let handle: TestDatabase;
let db: Database;
let admin: Actor;
let editor: Actor;
let member: Actor;
let xinchengTown: number;
let otherTown: number;

async function notificationsFor(userId: number) {
  return db
    .select({
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.id);
}

const total = async () => db.$count(notifications);

async function fieldsIn(townId: number, title: string): Promise<NoteFieldsData> {
  const parsed = parseNoteFields(
    {
      title,
      observation: "走访了三个社区，老人反映食堂只有午餐，晚餐要自己解决。",
      suggestion: "建议试点晚餐供应并提供送餐上门服务。",
      visitDate: "2026-11-20",
      townId: String(townId),
      place: "百花社区",
      sectorId: String(member.user.sectorId),
      category: "livelihood",
      peopleMet: "社区书记",
    },
    "submit",
    TODAY,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

const writer = () => ({ id: member.user.id, username: member.user.username, ip: member.ip });

async function submitted(townId: number, title: string) {
  const clientId = randomUUID();
  const fields = await fieldsIn(townId, title);
  const { noteId } = await submitNoteIn(db, writer(), clientId, fields);
  return { noteId, clientId, fields };
}

async function versionOf(noteId: number) {
  const [row] = await db
    .select({ version: fieldNotes.version })
    .from(fieldNotes)
    .where(eq(fieldNotes.id, noteId));
  return row?.version ?? 0;
}

class Rollback extends Error {}

describe(`notifications of note changes (${driverLabel()})`, () => {
  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    await seedDemoData(db, { now: NOW, withAccounts: true });
    admin = { user: await sessionUser(db, "admin"), ip: "192.0.2.1" };
    editor = { user: await sessionUser(db, "editor"), ip: "192.0.2.2" };
    member = { user: await sessionUser(db, "member1"), ip: "203.0.113.7" };
    const townId = async (slug: string) =>
      (await db.select({ id: towns.id }).from(towns).where(eq(towns.slug, slug)))[0]?.id ?? 0;
    xinchengTown = await townId("xincheng-jiedao");
    otherTown = await townId("wangjiangjing-zhen");
    // The member gave an e-mail address: their notifications go out by e-mail too.
    await db.update(users).set({ email: "v1:test" }).where(eq(users.id, member.user.id));
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("tells the admins and the editors whose scope holds a submitted note, once", async () => {
    const before = await total();
    const { noteId, clientId, fields } = await submitted(xinchengTown, "新城托育点太少");
    const toAdmin = await notificationsFor(admin.user.id);
    const toEditor = await notificationsFor(editor.user.id);
    expect(toAdmin.at(-1)).toEqual({
      kind: "staff.note_submitted",
      title: "新的走访记录待审核：《新城托育点太少》",
      body: "张明华委员提交了这条走访记录，请及时审核。",
      link: `/admin/notes/${noteId}`,
    });
    expect(toEditor.at(-1)).toEqual(toAdmin.at(-1));
    expect(await notificationsFor(member.user.id)).toEqual([]);
    expect(await total()).toBe(before + 2);
    // The same submission again (a retried request) is the same note: nobody hears twice.
    await submitNoteIn(db, writer(), clientId, fields);
    expect(await total()).toBe(before + 2);
  });

  it("leaves out editors whose scope does not hold the note", async () => {
    const editorBefore = (await notificationsFor(editor.user.id)).length;
    const { noteId } = await submitted(otherTown, "王江泾渡口缺护栏");
    expect((await notificationsFor(editor.user.id)).length).toBe(editorBefore);
    expect((await notificationsFor(admin.user.id)).at(-1)?.link).toBe(`/admin/notes/${noteId}`);
  });

  it("returns a note with the reason, and hears of the resubmission", async () => {
    const { noteId, clientId, fields } = await submitted(xinchengTown, "社区食堂晚餐难");
    const before = await total();
    // Refused (no reason) and stale (old version) moves write nothing.
    await expectAppError(
      applyNoteActionIn(db, editor, {
        noteId,
        expectedVersion: await versionOf(noteId),
        action: "return",
        reason: " ",
      }),
      "reason_required",
    );
    await expectAppError(
      applyNoteActionIn(db, editor, {
        noteId,
        expectedVersion: (await versionOf(noteId)) - 1,
        action: "return",
        reason: "请补充走访时间",
      }),
      "conflict",
    );
    expect(await total()).toBe(before);

    await applyNoteActionIn(db, editor, {
      noteId,
      expectedVersion: await versionOf(noteId),
      action: "return",
      reason: "请补充走访的具体时间和人数",
    });
    expect(await total()).toBe(before + 1);
    const [returned] = (await notificationsFor(member.user.id)).slice(-1);
    expect(returned).toEqual({
      kind: "note.returned",
      title: "您的走访记录《社区食堂晚餐难》被退回修改",
      body: "秀洲区政协退回了这条走访记录，原因：请补充走访的具体时间和人数。\n请按意见修改后重新提交。",
      link: `/member/notes/${noteId}`,
    });
    // By e-mail too: one pending delivery, for the delivery worker.
    const deliveries = await db
      .select({ channel: notificationDeliveries.channel, status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(
        and(eq(notifications.userId, member.user.id), eq(notifications.kind, "note.returned")),
      );
    expect(deliveries).toEqual([{ channel: "email", status: "pending" }]);

    await submitNoteIn(db, writer(), clientId, { ...fields, peopleMet: "社区书记和12位老人" });
    const resubmitted = (await notificationsFor(editor.user.id)).at(-1);
    expect(resubmitted).toMatchObject({
      kind: "staff.note_resubmitted",
      title: "走访记录《社区食堂晚餐难》已修改后重新提交",
      link: `/admin/notes/${noteId}`,
    });
  });

  it("tells the author of acceptance, transfer, each answer and closing, once each", async () => {
    const { noteId } = await submitted(xinchengTown, "背街小巷路灯不亮");
    const seen = async () =>
      (await notificationsFor(member.user.id)).filter((n) => n.link.endsWith(`/${noteId}`));
    await applyNoteActionIn(db, editor, {
      noteId,
      expectedVersion: await versionOf(noteId),
      action: "accept",
    });
    expect((await seen()).at(-1)).toMatchObject({
      kind: "note.accepted",
      title: "您的走访记录《背街小巷路灯不亮》已被采纳",
    });
    const depts = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(departments.sortOrder, departments.id)
      .limit(2);
    const [d1, d2] = depts;
    if (!d1 || !d2) throw new Error("no departments");
    const { transferIds } = await transferNoteIn(db, admin, {
      noteId,
      expectedVersion: await versionOf(noteId),
      departmentIds: [d1.id, d2.id],
      dueOn: "2026-12-20",
    });
    expect((await seen()).at(-1)).toEqual({
      kind: "note.transferred",
      title: `您的走访记录《背街小巷路灯不亮》已转交${d1.name}、${d2.name}办理`,
      body: `这条走访记录已转交${d1.name}、${d2.name}办理，要求在2026年12月20日前答复。`,
      link: `/member/notes/${noteId}`,
    });
    for (const [i, transferId] of transferIds.entries()) {
      await recordAnswerIn(db, admin, {
        transferId,
        expectedVersion: await versionOf(noteId),
        answer: `已安排维修（${i + 1}）`,
      });
    }
    const answers = (await seen()).filter((n) => n.kind === "note.answered");
    expect(answers.map((n) => n.body)).toEqual([
      `${d1.name}的答复：已安排维修（1）`,
      `${d2.name}的答复：已安排维修（2）`,
    ]);
    await applyNoteActionIn(db, admin, {
      noteId,
      expectedVersion: await versionOf(noteId),
      action: "close",
    });
    expect((await seen()).map((n) => n.kind)).toEqual([
      "note.accepted",
      "note.transferred",
      "note.answered",
      "note.answered",
      "note.closed",
    ]);

    // Published as a case: told once, however often it is withdrawn and published again.
    const { id: caseId } = await createCaseIn(
      db,
      admin,
      noteId,
      {
        title: "背街小巷亮起来",
        summary: "委员反映路灯不亮，两个部门一周内修好。",
        category: "livelihood",
        townId: xinchengTown,
        departmentName: d1.name,
        outcome: "已修复",
        receivedOn: "2026-11-20",
        resolvedOn: "2026-11-26",
        publish: true,
      },
      NOW,
    );
    await setCasePublishedIn(db, admin, caseId, false, NOW);
    await setCasePublishedIn(db, admin, caseId, true, NOW);
    const cases = (await notificationsFor(member.user.id)).filter(
      (n) => n.kind === "note.public_case",
    );
    expect(cases).toEqual([
      {
        kind: "note.public_case",
        title: "您的走访记录《背街小巷路灯不亮》已编为公开案例",
        body: "案例《背街小巷亮起来》已在“公开案例”栏目发布，文中已隐去您的个人信息。",
        link: `/cases/${caseId}`,
      },
    ]);
  });

  it("writes nothing when the change is rolled back: the notification is in its transaction", async () => {
    const { noteId } = await submitted(xinchengTown, "菜场门口占道经营");
    const before = await total();
    const version = await versionOf(noteId);
    const outcome = await db
      .transaction(async (tx) => {
        await applyNoteActionIn(tx as unknown as Database, editor, {
          noteId,
          expectedVersion: version,
          action: "accept",
        });
        expect(await tx.$count(notifications)).toBe(before + 1);
        throw new Rollback();
      })
      .catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Rollback);
    expect(await total()).toBe(before);
    expect(await versionOf(noteId)).toBe(version);
  });

  it("tells the administrators that an opinion waits for moderation", async () => {
    const [topic] = await db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .where(eq(topics.openForOpinions, true))
      .limit(1);
    if (!topic) throw new Error("no open topic");
    const before = await total();
    await submitOpinionIn(db, {
      topicId: topic.id,
      name: "王大伯",
      contact: "",
      body: "建议在   菜场旁边增设一个公交站，方便老人买菜。",
      ip: "198.51.100.7",
    });
    expect(await total()).toBe(before + 1);
    expect((await notificationsFor(admin.user.id)).at(-1)).toEqual({
      kind: "staff.opinion_pending",
      title: `新的意见待审核：${topic.name}`,
      body: "有一条意见等待审核：“建议在 菜场旁边增设一个公交站，方便老人买菜。”",
      link: "/admin/opinions",
    });
    // Security and audit administrators do not moderate: nothing for them.
    const others = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(sql`${users.role} in ('security', 'auditor')`);
    expect(others[0]?.n).toBe(0);
  });
});
