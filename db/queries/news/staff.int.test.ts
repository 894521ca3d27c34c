import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { articles, eventOrganisers, files, searchDocuments, sectors } from "@/db/schema";
import { driverLabel } from "@/db/test-utils";
import { can } from "@/lib/permissions";
import { auditCount, expectAppError, staffHarness } from "../shared/test-staff";
import { listAdminArticlesIn, selectArticleFormOptions, selectArticleScope } from "./staff";
import { type ArticleInput, saveArticleIn, unpublishArticleIn } from "./write";

/** The news editor as staff use it: drafts, publication, scope, scheduling, covers. */

const staff = staffHarness();

function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: "新城街道共富集市再升级",
    slug: null,
    columnId: staff.ids.column,
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

describe(`news editor on ${driverLabel()}`, () => {
  it("stores the body cleaned against the allowlist, whatever the form sent", async () => {
    const { db, editor } = staff;
    const { id } = await saveArticleIn(
      db,
      editor,
      null,
      article({
        status: "published",
        body: '<h2 style="color:red" class="MsoTitle">小标题</h2><p onclick="alert(1)">正文<a href="javascript:alert(1)">链接</a></p><script>alert(2)</script><img src="https://evil.example/x.png" onerror="alert(3)"><table><tbody><tr><td style="width:9px" colspan="2">格</td></tr></tbody></table>',
      }),
    );
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row?.bodyFormat).toBe("html");
    expect(row?.body).toBe(
      '<h2>小标题</h2><p>正文链接</p><table><tbody><tr><td colspan="2">格</td></tr></tbody></table>',
    );
    const [doc] = await db
      .select({ body: searchDocuments.body })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(doc?.body).toContain("小标题");
    expect(doc?.body).not.toMatch(/<|td|colspan/);
  });

  it("creates a draft, publishes it into the search index, audits both", async () => {
    const { db, editor } = staff;
    const { id, slug } = await saveArticleIn(db, editor, null, article());
    expect(slug).toMatch(/^\d{8}-[a-z2-9]{6}$/);
    expect(await auditCount(db, "article.create", id)).toBe(1);
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
    expect(await auditCount(db, "article.publish", id)).toBe(1);
    const docs = await db
      .select({ title: searchDocuments.title })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(docs).toHaveLength(1);

    await unpublishArticleIn(db, editor, id);
    expect(await auditCount(db, "article.unpublish", id)).toBe(1);
    const gone = await db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, "article"), eq(searchDocuments.refId, id)));
    expect(gone).toHaveLength(0);
  });

  it("refuses a save over a newer one and a slug already taken, changing nothing", async () => {
    const { db, admin } = staff;
    const { id } = await saveArticleIn(db, admin, null, article({ title: "原标题" }));
    await expectAppError(
      saveArticleIn(db, admin, id, article({ title: "新标题", expectedUpdatedAt: new Date(0) })),
      "stale",
    );
    const [existing] = await db
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.id, id));
    await expectAppError(
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
    const { db, admin, editor, member, ids } = staff;
    // The admin's article about a sector the editor does not serve.
    const { id: foreign } = await saveArticleIn(
      db,
      admin,
      null,
      article({ title: "经济界调研", sectorIds: [ids.jingji] }),
    );
    await expectAppError(saveArticleIn(db, editor, foreign, article()), "not_found");

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

  it("lets an editor link only their own sector and events in their scope, on create and edit", async () => {
    const { db, admin, editor, ids } = staff;
    const eventOf = async (organisationId: number) => {
      const [row] = await db
        .select({ eventId: eventOrganisers.eventId })
        .from(eventOrganisers)
        .where(eq(eventOrganisers.organisationId, organisationId))
        .limit(1);
      if (!row) throw new Error(`no event organised by ${organisationId}`);
      return row.eventId;
    };
    const ownEvent = await eventOf(ids.xinchengOffice);
    const otherEvent = await eventOf(ids.otherOffice);
    const before = (await db.select({ id: articles.id }).from(articles)).length;

    // Another sector, or another office's event: refused, published or not, nothing stored.
    for (const status of ["draft", "published"] as const) {
      await expectAppError(
        saveArticleIn(db, editor, null, article({ status, sectorIds: [ids.keji] })),
        "link_out_of_scope",
        "sectorIds",
      );
      await expectAppError(
        saveArticleIn(db, editor, null, article({ status, eventId: otherEvent })),
        "link_out_of_scope",
        "eventId",
      );
    }
    expect((await db.select({ id: articles.id }).from(articles)).length).toBe(before);

    // Their own office's event is theirs to report on.
    const { id } = await saveArticleIn(db, editor, null, article({ eventId: ownEvent }));
    // An admin may link anything; the editor may keep what the admin linked…
    await saveArticleIn(db, admin, id, article({ eventId: ownEvent, sectorIds: [ids.jingji] }));
    await saveArticleIn(
      db,
      editor,
      id,
      article({ title: "改个标题", eventId: ownEvent, sectorIds: [ids.jingji] }),
    );
    // …but not add to it.
    await expectAppError(
      saveArticleIn(
        db,
        editor,
        id,
        article({ eventId: ownEvent, sectorIds: [ids.jingji, ids.keji] }),
      ),
      "link_out_of_scope",
      "sectorIds",
    );
    await expectAppError(
      saveArticleIn(db, editor, id, article({ eventId: otherEvent, sectorIds: [ids.jingji] })),
      "link_out_of_scope",
      "eventId",
    );
  });

  it("publishes on a later date (scheduled) and lists it as scheduled", async () => {
    const { db, admin } = staff;
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
    const { db, admin } = staff;
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

  it("offers an editor only the sectors and events they may link, and what is already linked", async () => {
    const { db, admin, editor, ids } = staff;
    const eventOf = async (organisationId: number) => {
      const [row] = await db
        .select({ eventId: eventOrganisers.eventId })
        .from(eventOrganisers)
        .where(eq(eventOrganisers.organisationId, organisationId))
        .limit(1);
      return row?.eventId ?? 0;
    };
    const ownEvent = await eventOf(ids.xinchengOffice);
    const otherEvent = await eventOf(ids.otherOffice);
    const allSectors = (await db.select({ id: sectors.id }).from(sectors)).length;

    const forAdmin = await selectArticleFormOptions(db, admin.user);
    expect(forAdmin.sectors).toHaveLength(allSectors);
    expect(forAdmin.events.map((e) => e.id)).toEqual(
      expect.arrayContaining([ownEvent, otherEvent]),
    );

    // The office's editor has no sector: none offered, only their office's events.
    const forEditor = await selectArticleFormOptions(db, editor.user);
    expect(forEditor.sectors).toEqual([]);
    expect(forEditor.events.map((e) => e.id)).toContain(ownEvent);
    expect(forEditor.events.map((e) => e.id)).not.toContain(otherEvent);

    // An article an admin linked further keeps showing its links to the editor.
    const kept = await selectArticleFormOptions(db, editor.user, {
      sectorIds: [ids.jingji],
      eventId: otherEvent,
    });
    expect(kept.sectors.map((s) => s.id)).toEqual([ids.jingji]);
    expect(kept.events.map((e) => e.id)).toEqual(expect.arrayContaining([ownEvent, otherEvent]));
  });
});
