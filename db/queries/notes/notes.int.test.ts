import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExifReader from "exifreader";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSectorUpcomingEventsIn } from "@/db/queries/events/note-choices";
import { checkNoteReferencesIn } from "@/db/queries/notes/choices";
import {
  countMemberNotesByStatusIn,
  findMemberNoteByClientIdIn,
  getMemberNoteFiguresIn,
  getMemberNoteIn,
  listMemberNotePhotosIn,
  listMemberNotesIn,
  listMemberNoteTimelineIn,
} from "@/db/queries/notes/member";
import { getNotePhotoForViewerIn } from "@/db/queries/notes/photos";
import {
  addNotePhotoIn,
  type NoteWriter,
  removeNotePhotoIn,
  saveNoteDraftIn,
  submitNoteIn,
} from "@/db/queries/notes/write";
import type { SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { mayViewNotePhoto } from "@/lib/notes/access";
import { type NoteFieldsData, parseNoteFields } from "@/lib/notes/fields";
import { processPhoto } from "@/server/images/photo-processing";
import {
  auditLog,
  events,
  fieldNotes,
  files,
  notePhotos,
  noteTransitions,
  sectors,
  towns,
  users,
} from "../../schema";
import { seedDemoData } from "../../seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "../../test-utils";

const NOW = new Date("2026-06-10T02:00:00Z"); // 10:00 in Shanghai
const TODAY = "2026-06-10";

let handle: TestDatabase;
let member1: NoteWriter & SessionUser;
let member2: NoteWriter & SessionUser;
let fields: NoteFieldsData;

async function createMember(username: string, sectorSlug: string) {
  const [sector] = await handle.db
    .select({ id: sectors.id })
    .from(sectors)
    .where(eq(sectors.slug, sectorSlug));
  const [row] = await handle.db
    .insert(users)
    .values({
      username,
      displayName: username === "m1" ? "张明华" : "李慧",
      role: "member",
      status: "active",
      sectorId: sector?.id ?? null,
    })
    .returning({ id: users.id, sectorId: users.sectorId });
  if (!row) throw new Error("no user");
  return {
    id: row.id,
    username,
    displayName: username,
    role: "member" as const,
    sectorId: row.sectorId,
    organisationId: null,
    ip: username === "m1" ? "203.0.113.7" : "198.51.100.9",
  };
}

async function phoneJpegWithGps(shade: string) {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: shade } })
    .withExif({
      IFD0: { Make: "TestPhone", Model: "T-1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "30/1 45/1 12/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "120/1 44/1 30/1",
      },
    })
    .jpeg()
    .toBuffer();
}

async function photo(shade: string) {
  return processPhoto(await phoneJpegWithGps(shade));
}

async function auditFor(noteId: number) {
  return handle.db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "field_note"), eq(auditLog.targetId, String(noteId))))
    .orderBy(auditLog.id);
}

async function notesWithClientId(clientId: string) {
  return handle.db
    .select({ id: fieldNotes.id, authorId: fieldNotes.authorId, status: fieldNotes.status })
    .from(fieldNotes)
    .where(eq(fieldNotes.clientId, clientId));
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return null;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { withAccounts: false, now: NOW });
  member1 = await createMember("m1", "keji");
  member2 = await createMember("m2", "yiwei");
  const [town] = await handle.db
    .select({ id: towns.id })
    .from(towns)
    .where(eq(towns.slug, "tanghui-jiedao"));
  const parsed = parseNoteFields(
    {
      title: "社区养老食堂就餐难",
      observation: "走访塘汇街道三个社区，老人反映食堂只有午餐，晚餐要自己解决，很不方便。",
      suggestion: "建议试点晚餐供应并提供送餐上门服务。",
      visitDate: "2026-06-08",
      townId: String(town?.id),
      place: "百花社区",
      sectorId: String(member1.sectorId),
      category: "livelihood",
      peopleMet: "社区书记和十几位老人",
    },
    "submit",
    TODAY,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  fields = parsed.data;
});

afterAll(async () => {
  await handle?.close();
});

describe(`field notes of a member (${driverLabel()})`, () => {
  it("saves a draft as it is typed, then submits it with its timeline and audit trail", async () => {
    const clientId = randomUUID();
    const empty = (parseNoteFields({ title: "社区" }, "draft", TODAY) as { data: NoteFieldsData })
      .data;
    const first = await saveNoteDraftIn(handle.db, member1, clientId, empty);
    expect(first).toMatchObject({ status: "draft", created: true, changed: true });

    const again = await saveNoteDraftIn(handle.db, member1, clientId, empty);
    expect(again).toMatchObject({ noteId: first.noteId, created: false, changed: false });

    await saveNoteDraftIn(handle.db, member1, clientId, { ...empty, title: "社区养老" });
    const submitted = await submitNoteIn(handle.db, member1, clientId, fields, {
      add: [await photo("#336699"), await photo("#993366")],
    });
    expect(submitted).toEqual({ noteId: first.noteId, status: "submitted", duplicate: false });

    const note = await getMemberNoteIn(handle.db, member1.id, first.noteId);
    expect(note).toMatchObject({
      title: fields.title,
      status: "submitted",
      townName: "塘汇街道",
      sectorName: "科技界",
      category: "livelihood",
      visitDate: "2026-06-08",
    });
    expect(note?.submittedAt).toBeInstanceOf(Date);
    expect(await listMemberNotePhotosIn(handle.db, member1.id, first.noteId)).toHaveLength(2);

    const timeline = await listMemberNoteTimelineIn(handle.db, member1.id, first.noteId);
    expect(timeline.map((t) => [t.fromStatus, t.toStatus, t.action, t.byAuthor])).toEqual([
      [null, "draft", "create", true],
      ["draft", "submitted", "submit", true],
    ]);

    // One audit entry per write that changed something: two saves and the submission.
    const trail = await auditFor(first.noteId);
    expect(trail.map((a) => a.action)).toEqual(["note.save", "note.save", "note.submit"]);
    for (const entry of trail) {
      expect(entry).toMatchObject({ actorId: member1.id, actorLabel: "m1", ip: "203.0.113.7" });
    }
    expect(trail[2]?.details).toMatchObject({ from: "draft", to: "submitted" });
    expect(trail[2]?.details?.photosAdded).toHaveLength(2);
  });

  it("stores photos privately and without EXIF or GPS", async () => {
    const original = await phoneJpegWithGps("#2a6f4f");
    expect(ExifReader.load(original, { expanded: true }).gps?.Latitude).toBeCloseTo(30.753, 2);

    const clientId = randomUUID();
    const { photo: stored } = await addNotePhotoIn(
      handle.db,
      member1,
      clientId,
      await processPhoto(original),
    );
    const [row] = await handle.db
      .select({ data: files.data, visibility: files.visibility, contentType: files.contentType })
      .from(notePhotos)
      .innerJoin(files, eq(files.id, notePhotos.fileId))
      .where(eq(notePhotos.id, stored.id));
    expect(row?.visibility).toBe("private");
    expect(row?.contentType).toBe("image/jpeg");
    const tags = ExifReader.load(row?.data ?? Buffer.alloc(0), { expanded: true });
    expect(tags.gps).toBeUndefined();
    expect(tags.exif).toBeUndefined();
    expect(tags.xmp).toBeUndefined();
  });

  it("makes one note of two submissions with the same client id sent at once", async () => {
    const clientId = randomUUID();
    const pictures = [await photo("#aa3300")];
    const results = await Promise.all([
      submitNoteIn(handle.db, member1, clientId, fields, { add: pictures }),
      submitNoteIn(handle.db, member1, clientId, fields, { add: pictures }),
    ]);
    const rows = await notesWithClientId(clientId);
    expect(rows).toHaveLength(1);
    expect(results.map((r) => r.noteId)).toEqual([rows[0]?.id, rows[0]?.id]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    const noteId = rows[0]?.id ?? 0;
    expect(await listMemberNotePhotosIn(handle.db, member1.id, noteId)).toHaveLength(1);
    const timeline = await listMemberNoteTimelineIn(handle.db, member1.id, noteId);
    expect(timeline.filter((t) => t.action === "submit")).toHaveLength(1);
    expect((await auditFor(noteId)).map((a) => a.action)).toEqual(["note.submit"]);
  });

  it("makes one note of many retries of one submission, racing or one after another", async () => {
    const clientId = randomUUID();
    const first = await submitNoteIn(handle.db, member1, clientId, fields);
    const retries = await Promise.all(
      Array.from({ length: 8 }, () => submitNoteIn(handle.db, member1, clientId, fields)),
    );
    expect(retries.every((r) => r.noteId === first.noteId && r.duplicate)).toBe(true);
    expect(await notesWithClientId(clientId)).toHaveLength(1);
  });

  it("keeps a submitted note read-only for its author", async () => {
    const clientId = randomUUID();
    const { noteId } = await submitNoteIn(handle.db, member1, clientId, fields);
    const before = await auditFor(noteId);
    expect(
      await refusalOf(
        saveNoteDraftIn(handle.db, member1, clientId, { ...fields, title: "提交后又改标题" }),
      ),
    ).toBe("locked");
    expect(await refusalOf(addNotePhotoIn(handle.db, member1, clientId, await photo("#111")))).toBe(
      "locked",
    );
    expect((await getMemberNoteIn(handle.db, member1.id, noteId))?.title).toBe(fields.title);
    expect(await auditFor(noteId)).toEqual(before);
  });

  it("lets the author revise and resubmit a note staff returned", async () => {
    const clientId = randomUUID();
    const { noteId } = await submitNoteIn(handle.db, member1, clientId, fields);
    await handle.db.update(fieldNotes).set({ status: "returned" }).where(eq(fieldNotes.id, noteId));
    await handle.db.insert(noteTransitions).values({
      noteId,
      fromStatus: "submitted",
      toStatus: "returned",
      action: "return",
      actorId: null,
      reason: "请补充走访的具体时间",
    });
    await saveNoteDraftIn(handle.db, member1, clientId, { ...fields, place: "百花社区食堂" });
    const resubmitted = await submitNoteIn(handle.db, member1, clientId, {
      ...fields,
      place: "百花社区食堂",
    });
    expect(resubmitted).toMatchObject({ status: "submitted", duplicate: false });
    const timeline = await listMemberNoteTimelineIn(handle.db, member1.id, noteId);
    expect(timeline.map((t) => [t.action, t.reason])).toEqual([
      ["create", null],
      ["submit", null],
      ["return", "请补充走访的具体时间"],
      ["submit", null],
    ]);
  });

  it("refuses a tenth photo and leaves nothing of the refused write behind", async () => {
    const clientId = randomUUID();
    const nine = await Promise.all(
      Array.from({ length: 9 }, (_, i) => photo(`#${(i + 1).toString(16).repeat(6)}`)),
    );
    const saved = await saveNoteDraftIn(handle.db, member1, clientId, fields, { add: nine });
    const filesBefore = await handle.db.$count(files);
    const auditBefore = await auditFor(saved.noteId);
    expect(
      await refusalOf(addNotePhotoIn(handle.db, member1, clientId, await photo("#fedcba"))),
    ).toBe("too_many_photos");
    expect(await handle.db.$count(files)).toBe(filesBefore);
    expect(await auditFor(saved.noteId)).toEqual(auditBefore);
    expect(await listMemberNotePhotosIn(handle.db, member1.id, saved.noteId)).toHaveLength(9);
  });

  it("removes a photo and its bytes when nothing else uses them", async () => {
    const clientId = randomUUID();
    const { photo: added } = await addNotePhotoIn(
      handle.db,
      member1,
      clientId,
      await photo("#0f0f0f"),
    );
    const [file] = await handle.db
      .select({ id: notePhotos.fileId })
      .from(notePhotos)
      .where(eq(notePhotos.id, added.id));
    await removeNotePhotoIn(handle.db, member1, clientId, added.id);
    expect(await handle.db.$count(files, eq(files.id, file?.id ?? ""))).toBe(0);
    const note = await findMemberNoteByClientIdIn(handle.db, member1.id, clientId);
    expect((await auditFor(note?.id ?? 0)).map((a) => a.action)).toEqual([
      "note.photo.add",
      "note.photo.remove",
    ]);
  });
});

describe(`one member cannot reach another's notes (${driverLabel()})`, () => {
  it("finds nothing of someone else's note, photos or timeline", async () => {
    const clientId = randomUUID();
    const { noteId } = await submitNoteIn(handle.db, member1, clientId, fields, {
      add: [await photo("#123456")],
    });
    const [stored] = await listMemberNotePhotosIn(handle.db, member1.id, noteId);
    expect(stored).toBeDefined();
    const photoId = stored?.id ?? 0;

    expect(await getMemberNoteIn(handle.db, member2.id, noteId)).toBeNull();
    expect(await listMemberNotePhotosIn(handle.db, member2.id, noteId)).toEqual([]);
    expect(await listMemberNoteTimelineIn(handle.db, member2.id, noteId)).toEqual([]);
    expect(await findMemberNoteByClientIdIn(handle.db, member2.id, clientId)).toBeNull();
    expect(
      await getNotePhotoForViewerIn(handle.db, member2, photoId, { withData: true }),
    ).toBeNull();
    expect((await listMemberNotesIn(handle.db, member2.id, { limit: 50 })).items).toEqual([]);

    const own = await getNotePhotoForViewerIn(handle.db, member1, photoId, { withData: true });
    expect(own?.data?.byteLength).toBeGreaterThan(0);
    expect(own && mayViewNotePhoto(member1, own.note)).toBe(true);
    expect(own && mayViewNotePhoto(member2, own.note)).toBe(false);
    expect(own && mayViewNotePhoto(null, own.note)).toBe(false);
  });

  it("cannot change someone else's note, even with its client id", async () => {
    const clientId = randomUUID();
    const { noteId } = await saveNoteDraftIn(handle.db, member1, clientId, fields, {
      add: [await photo("#654321")],
    });
    const [stored] = await listMemberNotePhotosIn(handle.db, member1.id, noteId);

    expect(await refusalOf(removeNotePhotoIn(handle.db, member2, clientId, stored?.id ?? 0))).toBe(
      "not_found",
    );
    // The same client id under another author is another note, not this one.
    const theirs = await submitNoteIn(handle.db, member2, clientId, {
      ...fields,
      title: "另一位委员的记录",
    });
    expect(theirs.noteId).not.toBe(noteId);
    const mine = await getMemberNoteIn(handle.db, member1.id, noteId);
    expect(mine).toMatchObject({ title: fields.title, status: "draft" });
    expect(await listMemberNotePhotosIn(handle.db, member1.id, noteId)).toHaveLength(1);
  });
});

describe(`a member's dashboard (${driverLabel()})`, () => {
  it("counts notes by status and this year's filed and adopted notes", async () => {
    const writer = await createMember("m3", "nongye");
    const draft = await saveNoteDraftIn(handle.db, writer, randomUUID(), fields);
    const a = await submitNoteIn(handle.db, writer, randomUUID(), fields);
    const b = await submitNoteIn(handle.db, writer, randomUUID(), fields);
    await handle.db
      .update(fieldNotes)
      .set({ status: "accepted" })
      .where(eq(fieldNotes.id, b.noteId));

    const counts = await countMemberNotesByStatusIn(handle.db, writer.id);
    expect(counts).toMatchObject({ draft: 1, submitted: 1, accepted: 1, returned: 0 });

    const year = new Date().getUTCFullYear();
    const from = new Date(Date.UTC(year - 1, 0, 1));
    const to = new Date(Date.UTC(year + 1, 0, 1));
    expect(await getMemberNoteFiguresIn(handle.db, writer.id, from, to)).toEqual({
      filed: 2,
      adopted: 1,
    });
    expect(
      await getMemberNoteFiguresIn(handle.db, writer.id, to, new Date(to.getTime() + 1e10)),
    ).toEqual({ filed: 0, adopted: 0 });

    const drafts = await listMemberNotesIn(handle.db, writer.id, { status: "draft", limit: 10 });
    expect(drafts.total).toBe(1);
    expect(drafts.items.map((n) => n.id)).toEqual([draft.noteId]);
    const all = await listMemberNotesIn(handle.db, writer.id, { limit: 2 });
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    expect(all.items.map((n) => n.id)).toContain(a.noteId);
  });

  it("lists the sector's events of the next 30 days, organisers included", async () => {
    const until = new Date(NOW.getTime() + 30 * 86_400_000);
    const list = await listSectorUpcomingEventsIn(handle.db, member1.sectorId ?? 0, {
      now: NOW,
      until,
      limit: 10,
    });
    expect(list.length).toBeGreaterThan(0);
    for (const event of list) {
      expect(event.organisers).toContain("科技界");
      expect(event.status).toBe("scheduled");
      expect(event.startsAt.getTime()).toBeLessThan(until.getTime());
      expect(event.endsAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    }
    const nongye = await handle.db
      .select({ id: sectors.id })
      .from(sectors)
      .where(eq(sectors.slug, "nongye"));
    const other = await listSectorUpcomingEventsIn(handle.db, nongye[0]?.id ?? 0, {
      now: NOW,
      until,
      limit: 10,
    });
    expect(other.map((e) => e.id)).not.toEqual(list.map((e) => e.id));
  });

  it("names the references that do not exist", async () => {
    const [event] = await handle.db.select({ id: events.id }).from(events).limit(1);
    const messages = { town: "town", sector: "sector", event: "event", topic: "topic" };
    expect(
      await checkNoteReferencesIn(
        handle.db,
        {
          townId: fields.townId,
          sectorId: fields.sectorId,
          eventId: event?.id ?? null,
          topicId: null,
        },
        messages,
      ),
    ).toEqual({});
    expect(
      await checkNoteReferencesIn(
        handle.db,
        { townId: 999_999, sectorId: 999_998, eventId: 999_997, topicId: 999_996 },
        messages,
      ),
    ).toEqual({ townId: "town", sectorId: "sector", eventId: "event", topicId: "topic" });
  });
});
