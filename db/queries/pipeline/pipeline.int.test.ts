import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { QueueFilters } from "@/lib/moderation";
import { can, noteTarget } from "@/lib/permissions";
import { localDateKey } from "@/lib/time";
import type { Database } from "../../client";
import {
  auditLog,
  departments,
  fieldNotes,
  noteComments,
  noteTransfers,
  noteTransitions,
  organisations,
  sectors,
} from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";
import { sessionUser } from "../shared/test-staff";
import { getDashboardFiguresIn } from "./dashboard";
import { createDepartmentIn, listDepartmentsIn } from "./departments";
import { getDutyRecordIn, listDutySummariesIn } from "./duty";
import { addNoteCommentIn, applyBulkActionIn, applyNoteActionIn } from "./moves";
import { listLinkableNotesIn, saveProposalIn } from "./proposals";
import { listQueueIn } from "./queue";
import { getCompilationIn } from "./research";
import { addNotesToTopicIn, createResearchTopicIn } from "./research-write";
import { noteTargetColumns } from "./scope";
import { getStaffNoteIn } from "./staff-note";
import { recordAnswerIn, recordSatisfactionIn, transferNoteIn } from "./transfers";

const NOW = new Date("2026-11-26T03:00:00Z"); // 11:00 in Asia/Shanghai
const TZ = "Asia/Shanghai";
const TODAY = localDateKey(NOW, TZ);
const IP = "203.0.113.9";

const noFilters: QueueFilters = {
  q: "",
  status: null,
  category: null,
  sectorId: null,
  townId: null,
  authorId: null,
  from: null,
  to: null,
  page: 1,
};

let handle: TestDatabase;
let db: Database;
let admin: SessionUser;
let editor: SessionUser;
let member2: SessionUser;

async function noteByTitle(title: string) {
  const [row] = await db
    .select({ id: fieldNotes.id, status: fieldNotes.status, version: fieldNotes.version })
    .from(fieldNotes)
    .where(eq(fieldNotes.title, title));
  if (!row) throw new Error(`no note ${title}`);
  return row;
}

const CHILDCARE = "普惠托育托位不足，收费偏高"; // 新城街道: the editor's scope
const MARKET = "共富集市品类单一，可增加生鲜和文创"; // 新城街道
const SILK_ROAD = "丝路通平台可向智能家居行业拓展"; // 王江泾镇: out of the editor's scope
const SUBSIDY = "生育补贴申领材料多、跑腿多"; // transferred, one answer, one overdue

async function countRows(noteId: number) {
  const [transitions, audits] = await Promise.all([
    db.$count(noteTransitions, eq(noteTransitions.noteId, noteId)),
    db.$count(
      auditLog,
      and(eq(auditLog.targetType, "note"), eq(auditLog.targetId, String(noteId))),
    ),
  ]);
  return { transitions, audits };
}

async function expectRefusal(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError(${code})`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe(`staff pipeline (${driverLabel()})`, () => {
  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    await seedDemoData(db, {
      now: NOW,
      withAccounts: true,
      passwords: { admin: "x-admin-1", editor: "x-editor-1", member1: "x-m1", member2: "x-m2" },
    });
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    [admin, editor, member2] = await Promise.all([
      sessionUser(db, "admin"),
      sessionUser(db, "editor"),
      sessionUser(db, "member2"),
    ]);
  });

  it("scopes the queue in its WHERE exactly as can() decides, note by note", async () => {
    const [office] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, "wangjiangjing-zhen-lianluoshi"));
    const [yiwei] = await db
      .select({ id: sectors.id })
      .from(sectors)
      .where(eq(sectors.slug, "yiwei"));
    const viewers: SessionUser[] = [
      admin,
      editor,
      { ...editor, organisationId: office?.id ?? null },
      { ...editor, organisationId: null, sectorId: yiwei?.id ?? null },
      { ...editor, organisationId: null, sectorId: null },
      member2,
    ];
    const all = await db.select({ id: fieldNotes.id, ...noteTargetColumns }).from(fieldNotes);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const viewer of viewers) {
      const queue = await listQueueIn(db, viewer, noFilters, {
        timeZone: TZ,
        today: TODAY,
        pageSize: 100,
      });
      const seen = queue.rows.map((r) => r.id).sort();
      const allowed = all
        .filter((n) => can(viewer, "note.view", noteTarget(n)) && viewer.role !== "member")
        .map((n) => n.id)
        .sort();
      expect(
        seen,
        `${viewer.username} sector=${viewer.sectorId} office=${viewer.organisationId}`,
      ).toEqual(allowed);
    }
    const editorQueue = await listQueueIn(db, editor, noFilters, { timeZone: TZ, today: TODAY });
    expect(editorQueue.rows.map((r) => r.title).sort()).toEqual([CHILDCARE, MARKET].sort());
  });

  it("filters the queue by status, category, town, date and words", async () => {
    const opts = { timeZone: TZ, today: TODAY };
    const submitted = await listQueueIn(db, admin, { ...noFilters, status: "submitted" }, opts);
    expect(submitted.rows.every((r) => r.status === "submitted")).toBe(true);
    const industry = await listQueueIn(db, admin, { ...noFilters, category: "industry" }, opts);
    expect(industry.rows.map((r) => r.title).sort()).toEqual([MARKET, SILK_ROAD].sort());
    const words = await listQueueIn(db, admin, { ...noFilters, q: "丝路通" }, opts);
    expect(words.rows.map((r) => r.title)).toEqual([SILK_ROAD]);
    const literal = await listQueueIn(db, admin, { ...noFilters, q: "100%_" }, opts);
    expect(literal.total).toBe(0);
    // Submitted 2 days and 1 day before NOW: a window of the last two local days.
    const recent = await listQueueIn(
      db,
      admin,
      { ...noFilters, from: localDateKey(new Date(NOW.getTime() - 2 * 86_400_000), TZ), to: TODAY },
      opts,
    );
    expect(recent.rows.map((r) => r.title).sort()).toEqual([CHILDCARE, MARKET].sort());
    const overdue = await listQueueIn(db, admin, { ...noFilters, q: "生育补贴" }, opts);
    expect(overdue.rows[0]?.overdue).toBe(true);
  });

  it("lets an editor accept a note in scope, with its timeline row and audit entry", async () => {
    const note = await noteByTitle(MARKET);
    const before = await countRows(note.id);
    const result = await applyNoteActionIn(
      db,
      { user: editor, ip: IP },
      { noteId: note.id, expectedVersion: note.version, action: "accept" },
    );
    expect(result).toMatchObject({ from: "submitted", to: "accepted", version: note.version + 1 });
    expect(await countRows(note.id)).toEqual({
      transitions: before.transitions + 1,
      audits: before.audits + 1,
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "note.accept"), eq(auditLog.targetId, String(note.id))));
    expect(entry).toMatchObject({ actorId: editor.id, actorLabel: "editor", ip: IP });
  });

  it("refuses an editor out of scope (as if absent) and on moves that are the admin's", async () => {
    const far = await noteByTitle(SILK_ROAD);
    await expectRefusal(
      applyNoteActionIn(
        db,
        { user: editor, ip: IP },
        { noteId: far.id, expectedVersion: far.version, action: "accept" },
      ),
      "not_found",
    );
    expect(await getStaffNoteIn(db, editor, far.id)).toBeNull();
    const near = await noteByTitle(MARKET); // accepted above
    await expectRefusal(
      applyNoteActionIn(
        db,
        { user: editor, ip: IP },
        { noteId: near.id, expectedVersion: near.version, action: "close" },
      ),
      "forbidden",
    );
    const [dept] = await db.select({ id: departments.id }).from(departments).limit(1);
    await expectRefusal(
      transferNoteIn(
        db,
        { user: editor, ip: IP },
        {
          noteId: near.id,
          expectedVersion: near.version,
          departmentIds: [dept?.id ?? 0],
          dueOn: "2026-12-31",
        },
      ),
      "forbidden",
    );
    await expectRefusal(
      applyNoteActionIn(
        db,
        { user: member2, ip: IP },
        { noteId: near.id, expectedVersion: near.version, action: "reject", reason: "x" },
      ),
      "forbidden",
    );
    expect((await noteByTitle(MARKET)).version).toBe(near.version);
  });

  it("needs a reason to return and changes nothing without one", async () => {
    const note = await noteByTitle(CHILDCARE);
    const before = await countRows(note.id);
    await expectRefusal(
      applyNoteActionIn(
        db,
        { user: admin, ip: IP },
        { noteId: note.id, expectedVersion: note.version, action: "return", reason: "   " },
      ),
      "reason_required",
    );
    expect(await noteByTitle(CHILDCARE)).toEqual(note);
    expect(await countRows(note.id)).toEqual(before);
  });

  it("lets exactly one of two staff acting at once win; the other is told it changed", async () => {
    const note = await noteByTitle(CHILDCARE);
    const before = await countRows(note.id);
    const attempts = await Promise.allSettled([
      applyNoteActionIn(
        db,
        { user: admin, ip: IP },
        { noteId: note.id, expectedVersion: note.version, action: "accept" },
      ),
      applyNoteActionIn(
        db,
        { user: editor, ip: IP },
        { noteId: note.id, expectedVersion: note.version, action: "reject", reason: "重复反映" },
      ),
      applyNoteActionIn(
        db,
        { user: editor, ip: IP },
        { noteId: note.id, expectedVersion: note.version, action: "accept" },
      ),
    ]);
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a) => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(AppError);
      expect((failure.reason as AppError).code).toBe("conflict");
    }
    const after = await noteByTitle(CHILDCARE);
    expect(after.version).toBe(note.version + 1);
    expect(await countRows(note.id)).toEqual({
      transitions: before.transitions + 1,
      audits: before.audits + 1,
    });
    // A stale copy, later on, is refused the same way.
    await expectRefusal(
      applyNoteActionIn(
        db,
        { user: admin, ip: IP },
        { noteId: note.id, expectedVersion: note.version, action: "accept" },
      ),
      "conflict",
    );
  });

  it("applies a bulk action note by note, reporting what it could not do", async () => {
    const ids = [];
    for (const title of ["批量一", "批量二", "批量三"]) {
      const [row] = await db
        .insert(fieldNotes)
        .values({
          clientId: crypto.randomUUID(),
          authorId: member2.id,
          status: "submitted",
          title,
          submittedAt: NOW,
          townId: null,
        })
        .returning({ id: fieldNotes.id, version: fieldNotes.version });
      if (row) ids.push(row);
    }
    const [one, two, three] = ids as [(typeof ids)[0], (typeof ids)[0], (typeof ids)[0]];
    const far = await noteByTitle(SILK_ROAD);
    await expectRefusal(
      applyBulkActionIn(
        db,
        { user: admin, ip: IP },
        { notes: [{ noteId: one.id, version: one.version }], action: "reject", reason: "" },
      ),
      "reason_required",
    );
    const result = await applyBulkActionIn(
      db,
      { user: admin, ip: IP },
      {
        notes: [
          { noteId: one.id, version: one.version },
          { noteId: two.id, version: two.version + 5 }, // someone acted since
          { noteId: three.id, version: three.version },
        ],
        action: "return",
        reason: "请补充走访地点",
      },
    );
    expect(result).toEqual({ done: [one.id, three.id], conflicts: [two.id], refused: [] });
    const [returned] = await db
      .select({ reason: noteTransitions.reason, to: noteTransitions.toStatus })
      .from(noteTransitions)
      .where(eq(noteTransitions.noteId, one.id));
    expect(returned).toEqual({ reason: "请补充走访地点", to: "returned" });
    // An editor's bulk over notes outside their scope touches nothing there.
    const scoped = await applyBulkActionIn(
      db,
      { user: editor, ip: IP },
      { notes: [{ noteId: far.id, version: far.version }], action: "accept" },
    );
    expect(scoped).toEqual({ done: [], conflicts: [], refused: [far.id] });
  });

  it("transfers to two departments, records each answer, and shows both on the timeline", async () => {
    const note = await noteByTitle(SILK_ROAD);
    const accepted = await applyNoteActionIn(
      db,
      { user: admin, ip: IP },
      { noteId: note.id, expectedVersion: note.version, action: "accept" },
    );
    const chosen = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.active, true))
      .orderBy(asc(departments.sortOrder))
      .limit(2);
    const [first, second] = chosen as [(typeof chosen)[0], (typeof chosen)[0]];
    await expectRefusal(
      transferNoteIn(
        db,
        { user: admin, ip: IP },
        {
          noteId: note.id,
          expectedVersion: accepted.version,
          departmentIds: [],
          dueOn: "2026-12-31",
        },
      ),
      "no_departments",
    );
    const transferred = await transferNoteIn(
      db,
      { user: admin, ip: IP },
      {
        noteId: note.id,
        expectedVersion: accepted.version,
        departmentIds: [second.id, first.id],
        dueOn: "2026-12-31",
      },
    );
    expect(transferred.to).toBe("transferred");
    expect(transferred.transferIds).toHaveLength(2);

    const [transferFirst, transferSecond] = await db
      .select({ id: noteTransfers.id, departmentId: noteTransfers.departmentId })
      .from(noteTransfers)
      .where(eq(noteTransfers.noteId, note.id))
      .orderBy(asc(noteTransfers.id));
    expect(transferFirst?.departmentId).toBe(first.id);

    const afterOne = await recordAnswerIn(
      db,
      { user: admin, ip: IP },
      {
        transferId: transferFirst?.id ?? 0,
        expectedVersion: transferred.version,
        answer: "已将智能家居纳入平台品类规划。",
        satisfaction: "basically_satisfied",
      },
    );
    expect(afterOne).toMatchObject({ from: "transferred", to: "transferred" });
    // Answering the same transfer twice is refused.
    await expectRefusal(
      recordAnswerIn(
        db,
        { user: admin, ip: IP },
        {
          transferId: transferFirst?.id ?? 0,
          expectedVersion: afterOne.version,
          answer: "再答一次",
        },
      ),
      "transfer_not_pending",
    );
    const afterTwo = await recordAnswerIn(
      db,
      { user: admin, ip: IP },
      {
        transferId: transferSecond?.id ?? 0,
        expectedVersion: afterOne.version,
        answer: "下月召开推介会。",
      },
    );
    expect(afterTwo).toMatchObject({ from: "transferred", to: "answered" });
    await recordSatisfactionIn(
      db,
      { user: admin, ip: IP },
      { transferId: transferSecond?.id ?? 0, satisfaction: "satisfied" },
    );

    const view = await getStaffNoteIn(db, admin, note.id);
    expect(view?.status).toBe("answered");
    expect(view?.transfers.map((t) => [t.departmentName, t.status, t.satisfaction])).toEqual([
      [first.name, "answered", "basically_satisfied"],
      [second.name, "answered", "satisfied"],
    ]);
    // What the member's timeline reads: the note_transitions rows.
    const timeline = await db
      .select({ action: noteTransitions.action, reason: noteTransitions.reason })
      .from(noteTransitions)
      .where(eq(noteTransitions.noteId, note.id))
      .orderBy(asc(noteTransitions.id));
    expect(timeline.map((t) => t.action)).toEqual([
      "submit",
      "accept",
      "transfer",
      "answer",
      "answer",
    ]);
    expect(timeline[2]?.reason).toBe(`转交${first.name}、${second.name}办理，办理时限：2026-12-31`);
    expect(timeline[3]?.reason).toBe(`${first.name}答复：已将智能家居纳入平台品类规划。`);
    expect(timeline[4]?.reason).toBe(`${second.name}答复：下月召开推介会。`);
  });

  it("flags overdue transfers on the dashboard and per department", async () => {
    const figures = await getDashboardFiguresIn(db, admin, { today: TODAY });
    expect(figures.overdue.map((o) => o.noteTitle)).toContain(SUBSIDY);
    expect(figures.overdueTotal).toBe(1);
    const overdue = figures.overdue.find((o) => o.noteTitle === SUBSIDY);
    expect(overdue?.departmentName).toBe("区卫生健康局");
    expect(overdue && overdue.dueOn < TODAY).toBe(true);
    // The due day itself is not overdue yet.
    const onDueDay = await getDashboardFiguresIn(db, admin, { today: overdue?.dueOn ?? TODAY });
    expect(onDueDay.overdueTotal).toBe(0);
    // An editor only counts what is in their scope.
    const editorFigures = await getDashboardFiguresIn(db, editor, { today: TODAY });
    expect(editorFigures.overdueTotal).toBe(0);
    const rows = await listDepartmentsIn(db, { today: TODAY });
    expect(rows.find((d) => d.name === "区卫生健康局")).toMatchObject({ pending: 1, overdue: 1 });
    expect(rows.find((d) => d.name === "区民政局")).toMatchObject({ answered: 1, overdue: 0 });
  });

  it("keeps internal comments to staff in scope", async () => {
    const note = await noteByTitle(CHILDCARE);
    await addNoteCommentIn(
      db,
      { user: editor, ip: IP },
      { noteId: note.id, body: "初审：情况属实" },
    );
    const far = await noteByTitle(SILK_ROAD);
    await expectRefusal(
      addNoteCommentIn(db, { user: editor, ip: IP }, { noteId: far.id, body: "越权" }),
      "not_found",
    );
    // Its author sees the note, but internal comments are not theirs to write.
    await expectRefusal(
      addNoteCommentIn(db, { user: member2, ip: IP }, { noteId: note.id, body: "作者" }),
      "forbidden",
    );
    expect(await db.$count(noteComments, eq(noteComments.noteId, far.id))).toBe(0);
    const view = await getStaffNoteIn(db, admin, note.id);
    expect(view?.comments.map((c) => [c.body, c.authorName])).toEqual([["初审：情况属实", "陈静"]]);
  });

  it("gathers only adopted notes into research topics and compiles them in order", async () => {
    const year = 2026;
    const second = await createResearchTopicIn(
      db,
      { user: admin, ip: IP },
      { title: "外贸出海调研", year, summary: "", topicId: null, sortOrder: 5 },
    );
    const silk = await noteByTitle(SILK_ROAD);
    expect(await addNotesToTopicIn(db, { user: admin, ip: IP }, second, [silk.id])).toBe(1);
    const [fresh] = await db
      .insert(fieldNotes)
      .values({
        clientId: crypto.randomUUID(),
        authorId: member2.id,
        status: "submitted",
        title: "未采纳",
      })
      .returning({ id: fieldNotes.id });
    await expectRefusal(
      addNotesToTopicIn(db, { user: admin, ip: IP }, second, [fresh?.id ?? 0]),
      "note_not_adopted",
    );
    await expectRefusal(
      createResearchTopicIn(
        db,
        { user: editor, ip: IP },
        { title: "编辑", year, summary: "", topicId: null, sortOrder: 0 },
      ),
      "forbidden",
    );
    const compilation = await getCompilationIn(db, year);
    expect(compilation.map((t) => t.title)).toEqual(["生育友好型社会建设调研", "外贸出海调研"]);
    expect(compilation[1]?.notes.map((n) => n.title)).toEqual([SILK_ROAD]);
  });

  it("links proposals to adopted notes only, topic's notes first", async () => {
    const anyOrder = await listLinkableNotesIn(db, { researchTopicId: null });
    expect(anyOrder.length).toBeGreaterThan(0);
    expect(
      anyOrder.every((n) => ["accepted", "transferred", "answered", "closed"].includes(n.status)),
    ).toBe(true);
    const [topic] = await getCompilationIn(db, 2026);
    const topicFirst = await listLinkableNotesIn(db, { researchTopicId: topic?.id ?? null });
    expect(topicFirst[0]?.title).toBe(topic?.notes[0]?.title);
    const submitted = await noteByTitle(MARKET);
    const [fresh] = await db
      .insert(fieldNotes)
      .values({
        clientId: crypto.randomUUID(),
        authorId: member2.id,
        status: "submitted",
        title: "待审",
      })
      .returning({ id: fieldNotes.id });
    const input = {
      kind: "proposal" as const,
      title: "关于共富集市长效运营的提案",
      year: 2026,
      number: "",
      summary: "",
      researchTopicId: null,
      noteIds: [fresh?.id ?? 0],
      memberIds: [member2.id],
    };
    await expectRefusal(
      saveProposalIn(db, { user: admin, ip: IP }, null, input),
      "note_not_adopted",
    );
    await expectRefusal(
      saveProposalIn(db, { user: editor, ip: IP }, null, { ...input, noteIds: [submitted.id] }),
      "forbidden",
    );
  });

  it("counts a member's duty record for the year", async () => {
    const record = await getDutyRecordIn(db, member2.id, 2026, TZ);
    expect(record?.events).toHaveLength(2);
    // The demo notes plus the ones this file added, all filed in 2026.
    expect(record?.notes.length).toBeGreaterThanOrEqual(6);
    expect(record?.adoptedCount).toBe(
      record?.notes.filter((n) =>
        ["accepted", "transferred", "answered", "closed"].includes(n.status),
      ).length,
    );
    expect(record?.topics.map((t) => t.title)).toEqual(["生育友好型社会建设调研", "外贸出海调研"]);
    expect(record?.proposals).toHaveLength(1);
    expect(await getDutyRecordIn(db, member2.id, 2025, TZ)).toMatchObject({
      events: [],
      notes: [],
      topics: [],
      proposals: [],
    });
    expect(await getDutyRecordIn(db, admin.id, 2026, TZ)).toBeNull();
    const summaries = await listDutySummariesIn(db, 2026, TZ);
    const li = summaries.find((s) => s.id === member2.id);
    expect(li).toMatchObject({
      events: 2,
      notesFiled: record?.notes.length,
      notesAdopted: record?.adoptedCount,
      topics: 2,
      proposals: 1,
    });
  });

  it("keeps department names unique and the registry to admins", async () => {
    await expectRefusal(
      createDepartmentIn(
        db,
        { user: admin, ip: IP },
        { name: "区民政局", contact: "", active: true, sortOrder: 0 },
      ),
      "duplicate_name",
    );
    await expectRefusal(
      createDepartmentIn(
        db,
        { user: editor, ip: IP },
        { name: "区文化广电旅游体育局", contact: "", active: true, sortOrder: 0 },
      ),
      "forbidden",
    );
    const id = await createDepartmentIn(
      db,
      { user: admin, ip: IP },
      { name: "区文化广电旅游体育局", contact: "0573-1", active: true, sortOrder: 20 },
    );
    expect(id).toBeGreaterThan(0);
  });
});
