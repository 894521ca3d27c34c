import { and, count, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "../../lib/auth/types";
import { can } from "../../lib/permissions";
import type { Database } from "../client";
import {
  articles,
  auditLog,
  eventOrganisers,
  events,
  files,
  newsColumns,
  organisations,
  registrations,
  searchDocuments,
  sectors,
  users,
} from "../schema";
import { seedDemoData } from "../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../test-utils";
import { selectDirectoryRecordIn } from "./directory/staff";
import { saveDirectoryRecordIn } from "./directory/write";
import { selectEventScope } from "./events/scope";
import { listAdminEventsIn } from "./events/staff";
import { saveEventIn, setEventCancelledIn } from "./events/write";
import { listAdminArticlesIn, selectArticleScope } from "./news/staff";
import { type ArticleInput, saveArticleIn, unpublishArticleIn } from "./news/write";
import {
  checkInIn,
  exportRegistrationsIn,
  listEventRegistrationsIn,
  revealPhoneIn,
} from "./registrations/staff";
import { registerForEventIn } from "./registrations/write";

let handle: TestDatabase;
let db: Database;
let admin: Actor;
let editor: Actor;
let member: SessionUser;
let ids: {
  column: number;
  keji: number;
  jingji: number;
  xinchengOffice: number;
  otherOffice: number;
};

async function sessionUser(username: string): Promise<SessionUser> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      sectorId: users.sectorId,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

const slugId = async (table: typeof sectors | typeof organisations, slug: string) => {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`no ${slug}`);
  return row.id;
};

async function auditCount(action: string, targetId?: string | number) {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        targetId === undefined ? undefined : eq(auditLog.targetId, String(targetId)),
      ),
    );
  return row?.n ?? 0;
}

async function expectCmsError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field !== undefined) expect((error as AppError).field).toBe(field);
}

function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: "新城街道共富集市再升级",
    slug: null,
    columnId: ids.column,
    summary: "集市新增生鲜和文创摊位。",
    body: "## 新变化\n\n摊主们说，人气更旺了。",
    reporter: "王记者",
    correspondent: "",
    coverCredit: "",
    eventId: null,
    sectorIds: [],
    status: "draft",
    publishedAt: null,
    cover: { keep: true },
    ...overrides,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const password = "demo-password-123";
  await seedDemoData(db, {
    withAccounts: true,
    passwords: { admin: password, editor: password, member1: password, member2: password },
  });
  admin = { user: await sessionUser("admin"), ip: "192.0.2.1" };
  editor = { user: await sessionUser("editor"), ip: "192.0.2.2" };
  member = await sessionUser("member1");
  const [column] = await db.select({ id: newsColumns.id }).from(newsColumns).limit(1);
  ids = {
    column: column?.id ?? 0,
    keji: await slugId(sectors, "keji"),
    jingji: await slugId(sectors, "jingji"),
    xinchengOffice: await slugId(organisations, "xincheng-jiedao-lianluoshi"),
    otherOffice: await slugId(organisations, "honghe-zhen-lianluoshi"),
  };
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe(`news editor on ${driverLabel()}`, () => {
  it("creates a draft, publishes it into the search index, audits both", async () => {
    const { id, slug } = await saveArticleIn(db, editor, null, article());
    expect(slug).toMatch(/^\d{8}-[a-z2-9]{6}$/);
    expect(await auditCount("article.create", id)).toBe(1);
    const [draftDoc] = await db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(draftDoc).toBeUndefined();

    const [before] = await db
      .select({ updatedAt: articles.updatedAt })
      .from(articles)
      .where(eq(articles.id, id));
    await saveArticleIn(
      db,
      editor,
      id,
      article({ status: "published", expectedUpdatedAt: before?.updatedAt }),
    );
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row?.status).toBe("published");
    expect(row?.publishedAt).toBeInstanceOf(Date);
    expect(row?.authorId).toBe(editor.user.id);
    expect(await auditCount("article.publish", id)).toBe(1);
    const docs = await db
      .select({ title: searchDocuments.title })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(docs).toHaveLength(1);

    await unpublishArticleIn(db, editor, id);
    expect(await auditCount("article.unpublish", id)).toBe(1);
    const gone = await db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(gone).toHaveLength(0);
  });

  it("refuses a save over a newer one and a slug already taken, changing nothing", async () => {
    const { id } = await saveArticleIn(db, admin, null, article({ title: "原标题" }));
    await expectCmsError(
      saveArticleIn(db, admin, id, article({ title: "新标题", expectedUpdatedAt: new Date(0) })),
      "stale",
    );
    const [existing] = await db
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.id, id));
    await expectCmsError(
      saveArticleIn(db, admin, null, article({ title: "重复", slug: existing?.slug ?? "" })),
      "slug_taken",
      "slug",
    );
    const [row] = await db
      .select({ title: articles.title })
      .from(articles)
      .where(eq(articles.id, id));
    expect(row?.title).toBe("原标题");
    expect(await db.select().from(articles).where(eq(articles.title, "重复"))).toHaveLength(0);
  });

  it("keeps an editor to their scope, in the list and in can(), which agree", async () => {
    // The admin's article about a sector the editor does not serve.
    const { id: foreign } = await saveArticleIn(
      db,
      admin,
      null,
      article({ title: "经济界调研", sectorIds: [ids.jingji] }),
    );
    await expectCmsError(saveArticleIn(db, editor, foreign, article()), "not_found");

    const listed = await listAdminArticlesIn(db, editor.user, {
      status: "all",
      columnId: null,
      q: "",
      page: 1,
    });
    const listedIds = new Set(listed.rows.map((r) => r.id));
    expect(listedIds.has(foreign)).toBe(false);
    const all = await db.select({ id: articles.id }).from(articles);
    for (const { id } of all) {
      const scope = await selectArticleScope(db, id);
      const allowed =
        scope !== null && can(editor.user, "article.edit", { kind: "article", scope });
      // The list shows 20 a page: compare only what the first page could hold.
      if (listed.total <= 20) expect(listedIds.has(id)).toBe(allowed);
    }
    expect(
      (await listAdminArticlesIn(db, member, { status: "all", columnId: null, q: "", page: 1 }))
        .total,
    ).toBe(0);
  });

  it("publishes on a later date (scheduled) and lists it as scheduled", async () => {
    const later = new Date(Date.now() + 3 * 86_400_000);
    const { id } = await saveArticleIn(
      db,
      admin,
      null,
      article({ title: "预告：下周协商", status: "published", publishedAt: later }),
    );
    const scheduled = await listAdminArticlesIn(db, admin.user, {
      status: "scheduled",
      columnId: null,
      q: "预告",
      page: 1,
    });
    expect(scheduled.rows.map((r) => r.id)).toContain(id);
    const [doc] = await db
      .select({ visibleFrom: searchDocuments.visibleFrom })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(doc?.visibleFrom.getTime()).toBe(later.getTime());
  });
});

describe(`cover images on ${driverLabel()}`, () => {
  // Re-encoding itself (EXIF stripped, size, refusals): server/images/reencode.test.ts.
  it("stores a re-encoded cover as a public file", async () => {
    const { data, info } = await sharp({
      create: { width: 1600, height: 800, channels: 3, background: "#9a121a" },
    })
      .jpeg()
      .toBuffer({ resolveWithObject: true });
    const image = {
      data,
      contentType: "image/jpeg" as const,
      width: info.width,
      height: info.height,
    };
    const { id } = await saveArticleIn(
      db,
      admin,
      null,
      article({ title: "有封面", cover: { upload: image }, coverCredit: "区政协办公室 供图" }),
    );
    const [row] = await db
      .select({ visibility: files.visibility, type: files.contentType })
      .from(articles)
      .innerJoin(files, eq(files.id, articles.coverFileId))
      .where(eq(articles.id, id));
    expect(row).toEqual({ visibility: "public", type: "image/jpeg" });
  });
});

describe(`events editor on ${driverLabel()}`, () => {
  const base = () => ({
    title: "共富集市摊主座谈",
    kind: "consultation" as const,
    serviceType: null,
    summary: "听摊主说说集市怎么办得更好。",
    body: "",
    startsAt: new Date(Date.now() + 10 * 86_400_000),
    endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000),
    townId: null,
    venue: "区政协委员会客厅",
    campaignId: null,
    topicId: null,
    openToPublic: true,
    capacity: 2,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sectorIds: [] as number[],
    organisationIds: [ids.xinchengOffice],
  });

  it("lets an editor create events of their own office only", async () => {
    await expectCmsError(
      saveEventIn(db, editor, null, { ...base(), organisationIds: [ids.otherOffice] }),
      "out_of_scope",
      "organisers",
    );
    const { id } = await saveEventIn(db, editor, null, base());
    const scope = await selectEventScope(db, id);
    expect(scope?.organisationIds).toEqual([ids.xinchengOffice]);
    expect(await auditCount("event.create", id)).toBe(1);
    const listed = await listAdminEventsIn(db, editor.user, {
      filter: "upcoming",
      q: "摊主座谈",
      page: 1,
    });
    expect(listed.rows.map((r) => r.id)).toContain(id);
    // Someone else's event is invisible and cannot be edited.
    const [other] = await db
      .select({ id: eventOrganisers.eventId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.organisationId, ids.otherOffice))
      .limit(1);
    await expectCmsError(saveEventIn(db, editor, other?.id ?? 0, base()), "not_found");
  });

  it("cancels and restores, each once, audited, the search entry kept", async () => {
    const { id } = await saveEventIn(db, admin, null, base());
    await setEventCancelledIn(db, editor, id, true, "场地冲突");
    const [row] = await db.select({ status: events.status }).from(events).where(eq(events.id, id));
    expect(row?.status).toBe("cancelled");
    await expectCmsError(setEventCancelledIn(db, editor, id, true), "invalid_state");
    expect(await auditCount("event.cancel", id)).toBe(1);
    await setEventCancelledIn(db, admin, id, false);
    expect(await auditCount("event.restore", id)).toBe(1);
    expect(
      await db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.kind, "event"), eq(searchDocuments.refId, id))),
    ).toHaveLength(1);
  });
});

describe(`registrations for staff on ${driverLabel()}`, () => {
  it("masks phones, reveals one to an admin only (audited), checks in by code once", async () => {
    const { id: eventId } = await saveEventIn(db, editor, null, {
      title: "集市运营协商（报名测试）",
      kind: "consultation",
      serviceType: null,
      summary: "",
      body: "",
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
      townId: null,
      venue: "会客厅",
      campaignId: null,
      topicId: null,
      openToPublic: true,
      capacity: 1,
      registrationOpensAt: null,
      registrationClosesAt: null,
      sectorIds: [],
      organisationIds: [ids.xinchengOffice],
    });
    const first = await registerForEventIn(db, {
      eventId,
      name: "王小明",
      phone: "13912345678",
      organisation: "",
      ip: "198.51.100.1",
    });
    const second = await registerForEventIn(db, {
      eventId,
      name: "李红",
      phone: "13887654321",
      organisation: "某公司",
      ip: "198.51.100.2",
    });
    expect(second.status).toBe("waitlisted");

    const rows = await listEventRegistrationsIn(db, editor.user, eventId);
    expect(rows.map((r) => r.phoneMasked)).toEqual(["139****5678", "138****4321"]);
    expect(JSON.stringify(rows)).not.toContain("13912345678");
    expect(JSON.stringify(rows)).not.toContain(first.code);

    await expectCmsError(revealPhoneIn(db, editor, first.id), "forbidden");
    expect(await auditCount("registration.reveal_phone", first.id)).toBe(0);
    const revealed = await revealPhoneIn(db, admin, first.id);
    expect(revealed.phone).toBe("13912345678");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "registration.reveal_phone"),
          eq(auditLog.targetId, String(first.id)),
        ),
      );
    expect(entry).toMatchObject({ actorId: admin.user.id, actorLabel: "admin", ip: "192.0.2.1" });

    await expectCmsError(
      checkInIn(db, editor, eventId, { registrationId: second.id }),
      "invalid_state",
      "waitlisted",
    );
    await expectCmsError(
      checkInIn(db, editor, eventId, { code: "ZZZZ-ZZZZ" }),
      "not_found",
      "code",
    );
    const checked = await checkInIn(db, editor, eventId, {
      code: first.code.toLowerCase().replace("-", " "),
    });
    expect(checked.name).toBe("王小明");
    await expectCmsError(
      checkInIn(db, editor, eventId, { registrationId: first.id }),
      "invalid_state",
      "checked_in",
    );
    expect(await auditCount("registration.check_in", first.id)).toBe(1);

    const masked = await exportRegistrationsIn(db, editor, eventId, { revealPhones: false });
    expect(masked.map((r) => r.phone)).toEqual(["139****5678", "138****4321"]);
    await expectCmsError(
      exportRegistrationsIn(db, editor, eventId, { revealPhones: true }),
      "forbidden",
    );
    const full = await exportRegistrationsIn(db, admin, eventId, { revealPhones: true });
    expect(full.map((r) => r.phone)).toEqual(["13912345678", "13887654321"]);
    expect(await auditCount("registration.export", eventId)).toBe(1);
    expect(await auditCount("registration.export_phones", eventId)).toBe(1);

    // Another office's editor-free event: the editor sees nothing of it.
    const [other] = await db
      .select({ id: eventOrganisers.eventId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.organisationId, ids.otherOffice))
      .limit(1);
    await expectCmsError(listEventRegistrationsIn(db, editor.user, other?.id ?? 0), "not_found");
    const live = await db
      .select({ n: count() })
      .from(registrations)
      .where(inArray(registrations.id, [first.id, second.id]));
    expect(live[0]?.n).toBe(2);
  });
});

describe(`check-in under concurrency on ${driverLabel()}`, () => {
  it("checks a registrant in once however many staff press the button at once", async () => {
    const { id: eventId } = await saveEventIn(db, admin, null, {
      title: "并发签到测试",
      kind: "meeting",
      serviceType: null,
      summary: "",
      body: "",
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
      townId: null,
      venue: "会议室",
      campaignId: null,
      topicId: null,
      openToPublic: true,
      capacity: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
      sectorIds: [],
      organisationIds: [ids.xinchengOffice],
    });
    const person = await registerForEventIn(db, {
      eventId,
      name: "赵六",
      phone: "13711112222",
      organisation: "",
      ip: "198.51.100.3",
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        checkInIn(
          db,
          i % 2 ? admin : editor,
          eventId,
          i % 3 ? { code: person.code } : { registrationId: person.id },
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as AppError).field).toBe("checked_in");
    }
    expect(await auditCount("registration.check_in", person.id)).toBe(1);
  });
});

describe(`directory on ${driverLabel()}`, () => {
  it("creates and edits rows for admins only, refusing a slug in use", async () => {
    const input = { slug: "huanbao", name: "环保界", description: "", sortOrder: 99 };
    await expectCmsError(saveDirectoryRecordIn(db, editor, "sectors", null, input), "forbidden");
    const { id } = await saveDirectoryRecordIn(db, admin, "sectors", null, input);
    await saveDirectoryRecordIn(db, admin, "sectors", id, { ...input, name: "环境资源界" });
    expect((await selectDirectoryRecordIn(db, "sectors", id))?.name).toBe("环境资源界");
    await expectCmsError(
      saveDirectoryRecordIn(db, admin, "sectors", null, { ...input, slug: "keji" }),
      "slug_taken",
      "slug",
    );
    expect(await auditCount("sector.create", id)).toBe(1);
    expect(await auditCount("sector.update", id)).toBe(1);

    const studio = await saveDirectoryRecordIn(db, admin, "organisations", null, {
      slug: "test-studio",
      name: "测试工作室",
      kind: "studio",
      townId: null,
      address: "",
      description: "",
      active: true,
      sortOrder: 0,
      sectorIds: [ids.keji, id],
    });
    expect(
      (await selectDirectoryRecordIn(db, "organisations", studio.id))?.sectorIds.sort(),
    ).toEqual([ids.keji, id].sort());
  });
});
