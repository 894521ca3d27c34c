import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NoteWriter, saveNoteDraftIn, submitNoteIn } from "@/db/queries/notes/write";
import { fieldNotes, sectors, towns, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { createTestDatabase, driverLabel, type TestDatabase } from "@/db/test-utils";
import { type NoteFieldsData, parseNoteFields } from "@/lib/notes/fields";
import { lookupOwnNoteIn } from "./outbox";

/**
 * The lookup a form makes when a submission's answer was lost (GET /member/notes/outbox):
 * it tells the caller the truth about their own note, and nothing about anyone else's.
 */

const NOW = new Date("2026-06-10T02:00:00Z");
let handle: TestDatabase;
let fields: NoteFieldsData;
const writers: NoteWriter[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { withAccounts: false, now: NOW });
  const [sector] = await handle.db.select({ id: sectors.id }).from(sectors).limit(1);
  const [town] = await handle.db.select({ id: towns.id }).from(towns).limit(1);
  for (const username of ["ob1", "ob2"]) {
    const [row] = await handle.db
      .insert(users)
      .values({
        username,
        displayName: username,
        role: "member",
        status: "active",
        sectorId: sector?.id ?? null,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("no user");
    writers.push({ id: row.id, username, ip: "203.0.113.7" });
  }
  const parsed = parseNoteFields(
    {
      title: "村口道路积水",
      observation: "雨后村口道路积水严重，老人和学生出行不便，已持续两周。",
      suggestion: "建议镇里尽快疏通排水沟并加铺路面。",
      visitDate: "2026-06-08",
      townId: String(town?.id),
      sectorId: String(sector?.id),
      category: "livelihood",
    },
    "submit",
    "2026-06-10",
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  fields = parsed.data;
});

afterAll(async () => {
  await handle?.close();
});

describe(`the lost-answer lookup (${driverLabel()})`, () => {
  it("says a submitted note was stored, with its id, to its author", async () => {
    const [author] = writers;
    if (!author) throw new Error("no writer");
    const clientId = randomUUID();
    const { noteId } = await submitNoteIn(handle.db, author, clientId, fields);
    expect(await lookupOwnNoteIn(handle.db, author.id, clientId)).toEqual({
      stored: true,
      noteId,
      status: "submitted",
      submitted: true,
    });
  });

  it("tells a draft (autosaved, never submitted) from a submitted note", async () => {
    const [author] = writers;
    if (!author) throw new Error("no writer");
    const clientId = randomUUID();
    const { noteId } = await saveNoteDraftIn(handle.db, author, clientId, fields);
    expect(await lookupOwnNoteIn(handle.db, author.id, clientId)).toEqual({
      stored: true,
      noteId,
      status: "draft",
      submitted: false,
    });
  });

  it("says nothing of another member's note, even given its client id", async () => {
    const [author, other] = writers;
    if (!author || !other) throw new Error("no writers");
    const clientId = randomUUID();
    await submitNoteIn(handle.db, author, clientId, fields);
    expect(await lookupOwnNoteIn(handle.db, other.id, clientId)).toEqual({ stored: false });
    const rows = await handle.db.select().from(fieldNotes).where(eq(fieldNotes.clientId, clientId));
    expect(rows).toHaveLength(1);
  });

  it("answers an unknown client id with 'not stored' and a malformed one with null", async () => {
    const [author] = writers;
    if (!author) throw new Error("no writer");
    expect(await lookupOwnNoteIn(handle.db, author.id, randomUUID())).toEqual({ stored: false });
    expect(await lookupOwnNoteIn(handle.db, author.id, "' OR 1=1 --")).toBeNull();
    expect(await lookupOwnNoteIn(handle.db, author.id, null)).toBeNull();
  });
});
