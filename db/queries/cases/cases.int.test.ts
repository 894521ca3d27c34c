import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { findPersonalData } from "@/lib/cases/personal-data";
import { AppError } from "@/lib/errors";
import type { Database } from "../../client";
import {
  auditLog,
  departments,
  fieldNotes,
  noteTransfers,
  noteTransitions,
  publicCases,
  searchDocuments,
  towns,
  users,
} from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { searchPublic } from "../search/public";
import { staffActor } from "../shared/test-staff";
import { selectSitemapEntries } from "../sitemap";
import { listPublishedCasesIn, selectPublishedCaseIn } from "./public";
import { buildCaseDraftIn, type CaseInput, listEligibleNotesIn } from "./staff";
import { createCaseIn, setCasePublishedIn, updateCaseIn } from "./write";

let handle: TestDatabase;
let db: Database;
let admin: Actor;
let editor: Actor;
let noteId: number;
let draftNoteId: number;
const TZ = "Asia/Shanghai";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, {
    withAccounts: true,
    passwords: {
      admin: "x".repeat(12),
      editor: "x".repeat(12),
      member1: "x".repeat(12),
      member2: "x".repeat(12),
    },
  });
  admin = await staffActor(db, "admin", "192.0.2.9");
  editor = await staffActor(db, "editor", "192.0.2.9");
  const [author] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "member1"));
  const [town] = await db
    .select({ id: towns.id })
    .from(towns)
    .where(eq(towns.slug, "xincheng-jiedao"));
  const [department] = await db
    .insert(departments)
    .values({ slug: "test-shangwu", name: "测试商务局" })
    .returning({ id: departments.id });
  const submittedAt = new Date("2026-05-12T02:00:00Z");
  const [note] = await db
    .insert(fieldNotes)
    .values({
      clientId: randomUUID(),
      authorId: author?.id ?? 0,
      status: "answered",
      title: "共富集市业态单一",
      observation: "张明华在集市听摊主说（电话 13800000001），顾客少。",
      suggestion: "引入生鲜和文创商品，线上线下一起宣传。",
      category: "livelihood",
      townId: town?.id ?? null,
      peopleMet: "摊主王某",
      submittedAt,
    })
    .returning({ id: fieldNotes.id });
  noteId = note?.id ?? 0;
  await db.insert(noteTransfers).values({
    noteId,
    departmentId: department?.id ?? 0,
    dueOn: "2026-06-12",
    status: "answered",
    answer: "已协调两家生鲜企业入驻集市。",
    answeredAt: new Date("2026-05-30T06:00:00Z"),
  });
  await db.insert(noteTransitions).values([
    {
      noteId,
      fromStatus: "draft",
      toStatus: "submitted",
      action: "submit",
      createdAt: submittedAt,
    },
    {
      noteId,
      fromStatus: "transferred",
      toStatus: "answered",
      action: "answer",
      createdAt: new Date("2026-05-30T06:00:00Z"),
    },
  ]);
  const [draft] = await db
    .insert(fieldNotes)
    .values({ clientId: randomUUID(), authorId: author?.id ?? 0, status: "draft", title: "草稿" })
    .returning({ id: fieldNotes.id });
  draftNoteId = draft?.id ?? 0;
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("findPersonalData", () => {
  it("finds phones, ID numbers, e-mail addresses and names", () => {
    expect(findPersonalData(["联系 138 0000 0001"])).toBe("phone");
    expect(findPersonalData(["电话0573-83000000"])).toBe("phone");
    expect(findPersonalData(["身份证 33041119900101123X"])).toBe("id_number");
    expect(findPersonalData(["a.b@example.com"])).toBe("email");
    expect(findPersonalData(["张明华反映"], ["张明华"])).toBe("author");
    expect(findPersonalData(["１３８００００００01"])).toBe("phone");
    expect(findPersonalData(["2026年办理 12 件，满意率 95%"], ["张明华"])).toBeNull();
  });
});

describe(`public cases on ${driverLabel()}`, () => {
  it("offers handled notes without a case, never drafts", async () => {
    const eligible = await listEligibleNotesIn(db);
    expect(eligible.map((n) => n.id)).toContain(noteId);
    expect(eligible.map((n) => n.id)).not.toContain(draftNoteId);
    expect(await buildCaseDraftIn(db, draftNoteId, TZ)).toBeNull();
  });

  it("drafts from the note without its author, observation or people met", async () => {
    const draft = await buildCaseDraftIn(db, noteId, TZ);
    expect(draft).toMatchObject({
      title: "共富集市业态单一",
      summary: "引入生鲜和文创商品，线上线下一起宣传。",
      departmentName: "测试商务局",
      // The answers as the rich-text editor's paragraphs.
      outcome: "<p>已协调两家生鲜企业入驻集市。</p>",
      receivedOn: "2026-05-12",
      resolvedOn: "2026-05-30",
      category: "livelihood",
    });
    const text = JSON.stringify(draft);
    expect(text).not.toContain("张明华");
    expect(text).not.toContain("13800000001");
    expect(text).not.toContain("摊主王某");
  });

  it("refuses personal data and anyone but an admin, then publishes a clean case", async () => {
    const draft = await buildCaseDraftIn(db, noteId, TZ);
    if (!draft) throw new Error("no draft");
    const input: CaseInput = { ...draft, publish: true };
    expect((await refusal(createCaseIn(db, editor, noteId, input))).code).toBe("forbidden");
    const withName = await refusal(
      createCaseIn(db, admin, noteId, { ...input, summary: `委员张明华建议${input.summary}` }),
    );
    expect([withName.code, withName.field]).toEqual(["personal_data", "author"]);
    const withPhone = await refusal(
      createCaseIn(db, admin, noteId, { ...input, outcome: "请致电13912345678" }),
    );
    expect([withPhone.code, withPhone.field]).toEqual(["personal_data", "phone"]);
    expect((await db.select({ n: count() }).from(publicCases))[0]?.n).toBe(0);

    const { id } = await createCaseIn(db, admin, noteId, input);
    expect((await refusal(createCaseIn(db, admin, noteId, input))).code).toBe("not_eligible");
    const shown = await selectPublishedCaseIn(db, id);
    expect(shown).toMatchObject({
      title: "共富集市业态单一",
      townName: "新城街道",
      departmentName: "测试商务局",
    });
    expect(Object.keys(shown ?? {})).not.toContain("noteId");
    expect(JSON.stringify(shown)).not.toMatch(/张明华|13800000001|member1/);
    const list = await listPublishedCasesIn(db, { page: 1, category: null });
    expect(list.items.map((c) => c.id)).toEqual([id]);
    expect((await listPublishedCasesIn(db, { page: 1, category: "industry" })).total).toBe(0);

    const found = await searchPublic(db, "生鲜");
    expect(found.results.some((r) => r.kind === "case" && r.url === `/cases/${id}`)).toBe(true);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.create"), eq(auditLog.targetId, String(id))));
    expect(entry?.actorId).toBe(admin.user.id);
  });

  it("withdraws a case from the board and the search, and puts it back", async () => {
    const [row] = await db
      .select({ id: publicCases.id })
      .from(publicCases)
      .where(eq(publicCases.noteId, noteId));
    const id = row?.id ?? 0;
    const inSitemap = async () =>
      (await selectSitemapEntries(db, new Date())).cases.some((c) => c.id === id);
    expect(await inSitemap()).toBe(true);
    await setCasePublishedIn(db, admin, id, false);
    expect(await selectPublishedCaseIn(db, id)).toBeNull();
    expect(await inSitemap()).toBe(false);
    expect(
      await db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.kind, "case"), eq(searchDocuments.refId, id))),
    ).toHaveLength(0);
    expect((await refusal(setCasePublishedIn(db, admin, id, false))).code).toBe("invalid_state");

    const draft = await buildCaseDraftIn(db, noteId, TZ);
    if (!draft) throw new Error("no draft");
    await updateCaseIn(db, admin, id, { ...draft, title: "共富集市丰富业态", publish: true });
    expect((await selectPublishedCaseIn(db, id))?.title).toBe("共富集市丰富业态");
    const actions = (
      await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.targetType, "case"))
    ).map((r) => r.a);
    expect(actions).toEqual(
      expect.arrayContaining(["case.create", "case.unpublish", "case.publish"]),
    );
  });

  it("keeps cases to admins: an editor, even of the note's own office, changes nothing", async () => {
    const [row] = await db
      .select({ id: publicCases.id })
      .from(publicCases)
      .where(eq(publicCases.noteId, noteId));
    const id = row?.id ?? 0;
    const draft = await buildCaseDraftIn(db, noteId, TZ);
    if (!draft) throw new Error("no draft");
    const [otherTown] = await db
      .select({ id: towns.id })
      .from(towns)
      .where(eq(towns.slug, "honghe-zhen"));
    const snapshot = async () => ({
      cases: await db.select().from(publicCases).orderBy(publicCases.id),
      audit: (await db.select({ n: count() }).from(auditLog))[0]?.n,
    });
    const before = await snapshot();
    const edits: CaseInput[] = [
      { ...draft, publish: false },
      { ...draft, townId: otherTown?.id ?? null, publish: true },
    ];
    for (const input of edits) {
      expect((await refusal(updateCaseIn(db, editor, id, input))).code).toBe("forbidden");
    }
    expect((await refusal(setCasePublishedIn(db, editor, id, false))).code).toBe("forbidden");
    expect((await refusal(createCaseIn(db, editor, draftNoteId, edits[1] as CaseInput))).code).toBe(
      "forbidden",
    );
    expect(await snapshot()).toEqual(before);
  });
});
