import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import type { ProcessedPhoto } from "@/lib/images";
import type { NoteAccessFacts } from "@/lib/notes/access";
import { changedNoteFields, type NoteFieldsData } from "@/lib/notes/fields";
import {
  MAX_PHOTOS,
  type NoteFieldErrors,
  type NotePhotoSummary,
  notePhotoUrl,
} from "@/lib/notes/form-state";
import {
  isAdopted,
  isEditableByAuthor,
  type NoteStatus,
  noteStatuses,
  transition,
} from "@/lib/notes/workflow";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  articles,
  eventOrganisers,
  events,
  fieldNotes,
  files,
  notePhotos,
  noteTransitions,
  sectors,
  topics,
  towns,
  users,
} from "../schema";
import { writeAudit } from "./audit";
import { loadOrganisers } from "./calendar";
import type { EventListItem } from "./events";

/**
 * Field notes, as their author sees and writes them. Every query reads through
 * `author_id = <the signed-in member>` in its WHERE: a member can neither read nor
 * change anyone else's note, whatever id they send.
 *
 * Every write runs in one transaction with its note_transitions row (when the status
 * moves) and its audit_log row, so the three exist together or not at all. Submission
 * is idempotent on (author_id, client_id): the browser's id for the note.
 *
 * `…In(db, …)` take the database (integration tests); the plain names use the server's.
 */

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Who writes, for the note, its timeline and the audit log. */
export interface NoteWriter {
  id: number;
  username: string;
  ip: string;
}

export interface PhotoChanges {
  add?: readonly ProcessedPhoto[];
  /** note_photos ids to drop from the note. */
  remove?: readonly number[];
}

export type NoteWriteErrorCode = "locked" | "too_many_photos" | "not_found";

/** A refusal the member can be told about in words. */
export class NoteWriteError extends Error {
  constructor(readonly code: NoteWriteErrorCode) {
    super(`notes: ${code}`);
    this.name = "NoteWriteError";
  }
}

export interface NoteSaveResult {
  noteId: number;
  status: NoteStatus;
  created: boolean;
  /** False when nothing differed from what was stored (nothing was written). */
  changed: boolean;
}

export interface NoteSubmitResult {
  noteId: number;
  status: NoteStatus;
  /** The note had already been submitted with this client id: nothing was written. */
  duplicate: boolean;
}

const contentColumns = {
  title: fieldNotes.title,
  observation: fieldNotes.observation,
  suggestion: fieldNotes.suggestion,
  visitDate: fieldNotes.visitDate,
  townId: fieldNotes.townId,
  place: fieldNotes.place,
  sectorId: fieldNotes.sectorId,
  eventId: fieldNotes.eventId,
  topicId: fieldNotes.topicId,
  category: fieldNotes.category,
  peopleMet: fieldNotes.peopleMet,
};

const lockedNoteColumns = { id: fieldNotes.id, status: fieldNotes.status, ...contentColumns };
type LockedNote = { id: number; status: NoteStatus } & NoteFieldsData;

// ---------------------------------------------------------------------------------------
// Writes

/**
 * The writer's note with this client id, locked for the rest of the transaction;
 * created as an empty draft first when `create` and it does not exist yet. Two requests
 * with the same id meet at the unique index: the second waits, then finds the first's row.
 */
async function claimNote(
  tx: Transaction,
  writer: NoteWriter,
  clientId: string,
  create: boolean,
): Promise<{ note: LockedNote; created: boolean } | null> {
  let created = false;
  if (create) {
    const inserted = await tx
      .insert(fieldNotes)
      .values({ clientId, authorId: writer.id })
      .onConflictDoNothing({ target: [fieldNotes.authorId, fieldNotes.clientId] })
      .returning({ id: fieldNotes.id });
    created = inserted.length > 0;
    if (inserted[0]) {
      await tx.insert(noteTransitions).values({
        noteId: inserted[0].id,
        fromStatus: null,
        toStatus: "draft",
        action: "create",
        actorId: writer.id,
      });
    }
  }
  const [note] = await tx
    .select(lockedNoteColumns)
    .from(fieldNotes)
    .where(and(eq(fieldNotes.authorId, writer.id), eq(fieldNotes.clientId, clientId)))
    .for("update");
  return note ? { note, created } : null;
}

/** The content of `note` replaced by `fields`, photos added and removed; what changed. */
async function applyContent(
  tx: Transaction,
  writer: NoteWriter,
  note: LockedNote,
  fields: NoteFieldsData | null,
  photos: PhotoChanges,
) {
  const changed = fields ? changedNoteFields(note, fields) : [];
  const removed = await detachPhotos(tx, writer, note.id, photos.remove ?? []);
  const added = await attachPhotos(tx, writer, note.id, photos.add ?? []);
  return { changed, removed, added, touched: changed.length + removed + added.length > 0 };
}

async function attachPhotos(
  tx: Transaction,
  writer: NoteWriter,
  noteId: number,
  photos: readonly ProcessedPhoto[],
): Promise<number[]> {
  if (photos.length === 0) return [];
  const [current] = await tx
    .select({ n: count(), lastOrder: sql<number>`coalesce(max(${notePhotos.sortOrder}), -1)` })
    .from(notePhotos)
    .where(eq(notePhotos.noteId, noteId));
  if ((current?.n ?? 0) + photos.length > MAX_PHOTOS) throw new NoteWriteError("too_many_photos");
  let sortOrder = Number(current?.lastOrder ?? -1);
  const ids: number[] = [];
  for (const photo of photos) {
    const fileId = await storeFile(tx, writer, photo);
    sortOrder += 1;
    const [inserted] = await tx
      .insert(notePhotos)
      .values({ noteId, fileId, sortOrder })
      .onConflictDoNothing({ target: [notePhotos.noteId, notePhotos.fileId] })
      .returning({ id: notePhotos.id });
    if (inserted) {
      ids.push(inserted.id);
      continue;
    }
    // The same picture twice on one note: it is there once.
    const [existing] = await tx
      .select({ id: notePhotos.id })
      .from(notePhotos)
      .where(and(eq(notePhotos.noteId, noteId), eq(notePhotos.fileId, fileId)));
    if (existing) ids.push(existing.id);
  }
  return ids;
}

/** Files are content-addressed: the same bytes are stored once. */
async function storeFile(tx: Transaction, writer: NoteWriter, photo: ProcessedPhoto) {
  const [inserted] = await tx
    .insert(files)
    .values({
      sha256: photo.sha256,
      contentType: photo.contentType,
      byteSize: photo.byteSize,
      width: photo.width,
      height: photo.height,
      data: photo.data,
      visibility: "private",
      createdById: writer.id,
    })
    .onConflictDoNothing({ target: files.sha256 })
    .returning({ id: files.id });
  if (inserted) return inserted.id;
  const [existing] = await tx
    .select({ id: files.id })
    .from(files)
    .where(eq(files.sha256, photo.sha256));
  if (!existing) throw new Error("notes: stored file vanished");
  return existing.id;
}

async function detachPhotos(
  tx: Transaction,
  writer: NoteWriter,
  noteId: number,
  photoIds: readonly number[],
) {
  if (photoIds.length === 0) return 0;
  const ownNote = tx
    .select({ id: fieldNotes.id })
    .from(fieldNotes)
    .where(and(eq(fieldNotes.id, noteId), eq(fieldNotes.authorId, writer.id)));
  const rows = await tx
    .delete(notePhotos)
    .where(and(inArray(notePhotos.noteId, ownNote), inArray(notePhotos.id, [...photoIds])))
    .returning({ fileId: notePhotos.fileId });
  for (const { fileId } of rows) await dropFileIfUnused(tx, fileId);
  return rows.length;
}

/**
 * A removed photo's bytes go too, unless something else still uses them. In a
 * savepoint: a reference this module does not know of keeps the file, and the write.
 */
async function dropFileIfUnused(tx: Transaction, fileId: string) {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint
        .delete(files)
        .where(
          and(
            eq(files.id, fileId),
            eq(files.visibility, "private"),
            sql`not exists (select 1 from ${notePhotos} where ${notePhotos.fileId} = ${fileId})`,
            sql`not exists (select 1 from ${articles} where ${articles.coverFileId} = ${fileId})`,
          ),
        );
    });
  } catch (error) {
    console.warn("[notes] photo file kept:", error instanceof Error ? error.message : error);
  }
}

async function updateNote(
  tx: Transaction,
  writer: NoteWriter,
  noteId: number,
  changes: Partial<NoteFieldsData> & { status?: NoteStatus; submitted?: boolean },
) {
  const { status, submitted, ...fields } = changes;
  const now = new Date();
  await tx
    .update(fieldNotes)
    .set({
      ...fields,
      ...(status ? { status } : {}),
      ...(submitted ? { submittedAt: sql`coalesce(${fieldNotes.submittedAt}, ${now})` } : {}),
      version: sql`${fieldNotes.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(fieldNotes.id, noteId), eq(fieldNotes.authorId, writer.id)));
}

function audit(
  tx: Transaction,
  writer: NoteWriter,
  action: string,
  noteId: number,
  details: Record<string, unknown>,
) {
  return writeAudit(tx, {
    action,
    actorId: writer.id,
    actorLabel: writer.username,
    ip: writer.ip,
    targetType: "field_note",
    targetId: String(noteId),
    details,
  });
}

/**
 * Saves a draft (or a returned note being revised): creates it on first save, then
 * replaces its content. A note that has left the author's hands is refused ("locked").
 * Nothing is written when nothing changed.
 */
export async function saveNoteDraftIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  fields: NoteFieldsData,
  photos: PhotoChanges = {},
): Promise<NoteSaveResult> {
  return db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, true);
    if (!claimed) throw new NoteWriteError("not_found");
    const { note, created } = claimed;
    if (!isEditableByAuthor(note.status)) throw new NoteWriteError("locked");
    const delta = await applyContent(tx, writer, note, fields, photos);
    if (created || delta.touched) {
      await updateNote(tx, writer, note.id, fields);
      await audit(tx, writer, "note.save", note.id, {
        created,
        status: note.status,
        fields: delta.changed,
        photosAdded: delta.added,
        photosRemoved: delta.removed,
      });
    }
    return {
      noteId: note.id,
      status: note.status,
      created,
      changed: created || delta.touched,
    };
  });
}

/**
 * Submits the note with this client id (creating it if the draft never reached the
 * server). A second submission with the same id finds the note already submitted and
 * returns it unchanged: a retried or doubled submit never makes a second note.
 */
export async function submitNoteIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  fields: NoteFieldsData,
  photos: PhotoChanges = {},
): Promise<NoteSubmitResult> {
  return db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, true);
    if (!claimed) throw new NoteWriteError("not_found");
    const { note, created } = claimed;
    if (!isEditableByAuthor(note.status)) {
      return { noteId: note.id, status: note.status, duplicate: true };
    }
    const moved = transition(note.status, "submit", "author");
    if (!moved.ok) throw new NoteWriteError("locked");
    const delta = await applyContent(tx, writer, note, fields, photos);
    await updateNote(tx, writer, note.id, { ...fields, status: moved.to, submitted: true });
    await tx.insert(noteTransitions).values({
      noteId: note.id,
      fromStatus: note.status,
      toStatus: moved.to,
      action: "submit",
      actorId: writer.id,
    });
    await audit(tx, writer, "note.submit", note.id, {
      created,
      from: note.status,
      to: moved.to,
      fields: delta.changed,
      photosAdded: delta.added,
      photosRemoved: delta.removed,
    });
    return { noteId: note.id, status: moved.to, duplicate: false };
  });
}

/** Stores one uploaded photo with the draft (creating the draft if need be). */
export async function addNotePhotoIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  photo: ProcessedPhoto,
): Promise<{ noteId: number; photo: NotePhotoSummary }> {
  return db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, true);
    if (!claimed) throw new NoteWriteError("not_found");
    const { note, created } = claimed;
    if (!isEditableByAuthor(note.status)) throw new NoteWriteError("locked");
    const [photoId] = await attachPhotos(tx, writer, note.id, [photo]);
    if (photoId === undefined) throw new Error("notes: photo not attached");
    await updateNote(tx, writer, note.id, {});
    await audit(tx, writer, "note.photo.add", note.id, {
      created,
      photoId,
      sha256: photo.sha256,
      byteSize: photo.byteSize,
    });
    return {
      noteId: note.id,
      photo: { id: photoId, url: notePhotoUrl(photoId), width: photo.width, height: photo.height },
    };
  });
}

/** Takes a photo off the writer's editable note. */
export async function removeNotePhotoIn(
  db: Database,
  writer: NoteWriter,
  clientId: string,
  photoId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await claimNote(tx, writer, clientId, false);
    if (!claimed) throw new NoteWriteError("not_found");
    const { note } = claimed;
    if (!isEditableByAuthor(note.status)) throw new NoteWriteError("locked");
    const removed = await detachPhotos(tx, writer, note.id, [photoId]);
    if (removed === 0) throw new NoteWriteError("not_found");
    await updateNote(tx, writer, note.id, {});
    await audit(tx, writer, "note.photo.remove", note.id, { photoId });
  });
}

// ---------------------------------------------------------------------------------------
// Reads (the author's own notes)

export interface MemberNoteRef {
  id: number;
  clientId: string;
  status: NoteStatus;
}

export async function findMemberNoteByClientIdIn(
  db: Database,
  authorId: number,
  clientId: string,
): Promise<MemberNoteRef | null> {
  const [row] = await db
    .select({ id: fieldNotes.id, clientId: fieldNotes.clientId, status: fieldNotes.status })
    .from(fieldNotes)
    .where(and(eq(fieldNotes.authorId, authorId), eq(fieldNotes.clientId, clientId)));
  return row ?? null;
}

export interface MemberNote extends NoteFieldsData {
  id: number;
  clientId: string;
  status: NoteStatus;
  version: number;
  townName: string | null;
  sectorName: string | null;
  eventTitle: string | null;
  eventStartsAt: Date | null;
  topicName: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NoteTimelineEntry {
  id: number;
  fromStatus: NoteStatus | null;
  toStatus: NoteStatus;
  action: string;
  reason: string | null;
  at: Date;
  /** The author themself; otherwise the actor's name and role (null: account removed). */
  byAuthor: boolean;
  actorName: string | null;
  actorRole: UserRole | null;
}

export async function getMemberNoteIn(
  db: Database,
  authorId: number,
  noteId: number,
): Promise<MemberNote | null> {
  const [row] = await db
    .select({
      id: fieldNotes.id,
      clientId: fieldNotes.clientId,
      status: fieldNotes.status,
      version: fieldNotes.version,
      ...contentColumns,
      townName: towns.name,
      sectorName: sectors.name,
      eventTitle: events.title,
      eventStartsAt: events.startsAt,
      topicName: topics.name,
      submittedAt: fieldNotes.submittedAt,
      createdAt: fieldNotes.createdAt,
      updatedAt: fieldNotes.updatedAt,
    })
    .from(fieldNotes)
    .leftJoin(towns, eq(towns.id, fieldNotes.townId))
    .leftJoin(sectors, eq(sectors.id, fieldNotes.sectorId))
    .leftJoin(events, eq(events.id, fieldNotes.eventId))
    .leftJoin(topics, eq(topics.id, fieldNotes.topicId))
    .where(and(eq(fieldNotes.id, noteId), eq(fieldNotes.authorId, authorId)));
  return row ?? null;
}

export async function listMemberNotePhotosIn(
  db: Database,
  authorId: number,
  noteId: number,
): Promise<NotePhotoSummary[]> {
  const rows = await db
    .select({ id: notePhotos.id, width: files.width, height: files.height })
    .from(notePhotos)
    .innerJoin(fieldNotes, eq(fieldNotes.id, notePhotos.noteId))
    .innerJoin(files, eq(files.id, notePhotos.fileId))
    .where(and(eq(notePhotos.noteId, noteId), eq(fieldNotes.authorId, authorId)))
    .orderBy(asc(notePhotos.sortOrder), asc(notePhotos.id));
  return rows.map((r) => ({ ...r, url: notePhotoUrl(r.id) }));
}

export async function listMemberNoteTimelineIn(
  db: Database,
  authorId: number,
  noteId: number,
): Promise<NoteTimelineEntry[]> {
  const rows = await db
    .select({
      id: noteTransitions.id,
      fromStatus: noteTransitions.fromStatus,
      toStatus: noteTransitions.toStatus,
      action: noteTransitions.action,
      reason: noteTransitions.reason,
      at: noteTransitions.createdAt,
      actorId: noteTransitions.actorId,
      actorName: users.displayName,
      actorRole: users.role,
    })
    .from(noteTransitions)
    .innerJoin(fieldNotes, eq(fieldNotes.id, noteTransitions.noteId))
    .leftJoin(users, eq(users.id, noteTransitions.actorId))
    .where(and(eq(noteTransitions.noteId, noteId), eq(fieldNotes.authorId, authorId)))
    .orderBy(asc(noteTransitions.createdAt), asc(noteTransitions.id));
  return rows.map(({ actorId, ...row }) => ({ ...row, byAuthor: actorId === authorId }));
}

export interface MemberNoteListItem {
  id: number;
  title: string;
  status: NoteStatus;
  category: NoteFieldsData["category"];
  visitDate: string | null;
  townName: string | null;
  photoCount: number;
  submittedAt: Date | null;
  updatedAt: Date;
}

export async function listMemberNotesIn(
  db: Database,
  authorId: number,
  options: { status?: NoteStatus | null; limit: number; offset?: number },
): Promise<{ items: MemberNoteListItem[]; total: number }> {
  const where = and(
    eq(fieldNotes.authorId, authorId),
    options.status ? eq(fieldNotes.status, options.status) : undefined,
  );
  const [items, [totalRow]] = await Promise.all([
    db
      .select({
        id: fieldNotes.id,
        title: fieldNotes.title,
        status: fieldNotes.status,
        category: fieldNotes.category,
        visitDate: fieldNotes.visitDate,
        townName: towns.name,
        photoCount: sql<number>`(select count(*) from ${notePhotos} where ${notePhotos.noteId} = ${fieldNotes.id})::int`,
        submittedAt: fieldNotes.submittedAt,
        updatedAt: fieldNotes.updatedAt,
      })
      .from(fieldNotes)
      .leftJoin(towns, eq(towns.id, fieldNotes.townId))
      .where(where)
      .orderBy(desc(fieldNotes.updatedAt), desc(fieldNotes.id))
      .limit(options.limit)
      .offset(options.offset ?? 0),
    db.select({ n: count() }).from(fieldNotes).where(where),
  ]);
  return { items, total: Number(totalRow?.n ?? 0) };
}

export type NoteStatusCounts = Record<NoteStatus, number>;

export async function countMemberNotesByStatusIn(
  db: Database,
  authorId: number,
): Promise<NoteStatusCounts> {
  const rows = await db
    .select({ status: fieldNotes.status, n: count() })
    .from(fieldNotes)
    .where(eq(fieldNotes.authorId, authorId))
    .groupBy(fieldNotes.status);
  const counts = Object.fromEntries(noteStatuses.map((s) => [s, 0])) as NoteStatusCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

const adoptedStatuses = noteStatuses.filter(isAdopted);

/** Notes first submitted in [from, to), and how many of those are adopted (采纳). */
export async function getMemberNoteFiguresIn(
  db: Database,
  authorId: number,
  from: Date,
  to: Date,
): Promise<{ filed: number; adopted: number }> {
  const [row] = await db
    .select({
      filed: count(),
      adopted: sql<number>`(count(*) filter (where ${inArray(fieldNotes.status, adoptedStatuses)}))::int`,
    })
    .from(fieldNotes)
    .where(
      and(
        eq(fieldNotes.authorId, authorId),
        gte(fieldNotes.submittedAt, from),
        lt(fieldNotes.submittedAt, to),
      ),
    );
  return { filed: Number(row?.filed ?? 0), adopted: Number(row?.adopted ?? 0) };
}

// ---------------------------------------------------------------------------------------
// The member's dashboard and the form's lists

/** Scheduled events co-organised by `sectorId` that have not ended and start before `until`. */
export async function listSectorUpcomingEventsIn(
  db: Database,
  sectorId: number,
  options: { now: Date; until: Date; limit: number },
): Promise<EventListItem[]> {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      serviceType: events.serviceType,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      townName: towns.name,
      openToPublic: events.openToPublic,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .where(
      and(
        eq(events.status, "scheduled"),
        gte(events.endsAt, options.now),
        lt(events.startsAt, options.until),
        inArray(
          events.id,
          db
            .select({ id: eventOrganisers.eventId })
            .from(eventOrganisers)
            .where(eq(eventOrganisers.sectorId, sectorId)),
        ),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  const organisers = await loadOrganisers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    organisers: (organisers.get(r.id) ?? []).map((o) => o.name),
  }));
}

export interface NoteFormOption {
  id: number;
  name: string;
}

export interface NoteFormOptions {
  towns: NoteFormOption[];
  sectors: NoteFormOption[];
  topics: NoteFormOption[];
  /** Recent events (a visit is linked to one that has happened), newest first. */
  events: (NoteFormOption & { startsAt: Date })[];
}

const EVENT_OPTION_DAYS = 365;
const EVENT_OPTION_LIMIT = 200;

export async function getNoteFormOptionsIn(
  db: Database,
  now: Date,
  includeEventId: number | null = null,
): Promise<NoteFormOptions> {
  const since = new Date(now.getTime() - EVENT_OPTION_DAYS * 86_400_000);
  const until = new Date(now.getTime() + 86_400_000);
  const [townRows, sectorRows, topicRows, eventRows] = await Promise.all([
    db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .orderBy(asc(topics.sortOrder), asc(topics.id)),
    db
      .select({ id: events.id, name: events.title, startsAt: events.startsAt })
      .from(events)
      .where(
        and(
          ne(events.status, "cancelled"),
          gte(events.startsAt, since),
          lte(events.startsAt, until),
        ),
      )
      .orderBy(desc(events.startsAt), desc(events.id))
      .limit(EVENT_OPTION_LIMIT),
  ]);
  if (includeEventId !== null && !eventRows.some((e) => e.id === includeEventId)) {
    const [linked] = await db
      .select({ id: events.id, name: events.title, startsAt: events.startsAt })
      .from(events)
      .where(eq(events.id, includeEventId));
    if (linked) eventRows.unshift(linked);
  }
  return { towns: townRows, sectors: sectorRows, topics: topicRows, events: eventRows };
}

/** Field errors for the town, sector, event and topic ids that name nothing. */
export async function checkNoteReferencesIn(
  db: Database,
  fields: Pick<NoteFieldsData, "townId" | "sectorId" | "eventId" | "topicId">,
  messages: { town: string; sector: string; event: string; topic: string },
): Promise<NoteFieldErrors> {
  const found = async (rows: Promise<unknown[]> | null) => (rows ? (await rows).length > 0 : true);
  const [town, sector, event, topic] = await Promise.all([
    found(
      fields.townId === null
        ? null
        : db.select({ id: towns.id }).from(towns).where(eq(towns.id, fields.townId)),
    ),
    found(
      fields.sectorId === null
        ? null
        : db.select({ id: sectors.id }).from(sectors).where(eq(sectors.id, fields.sectorId)),
    ),
    found(
      fields.eventId === null
        ? null
        : db.select({ id: events.id }).from(events).where(eq(events.id, fields.eventId)),
    ),
    found(
      fields.topicId === null
        ? null
        : db.select({ id: topics.id }).from(topics).where(eq(topics.id, fields.topicId)),
    ),
  ]);
  const errors: NoteFieldErrors = {};
  if (!town) errors.townId = messages.town;
  if (!sector) errors.sectorId = messages.sector;
  if (!event) errors.eventId = messages.event;
  if (!topic) errors.topicId = messages.topic;
  return errors;
}

// ---------------------------------------------------------------------------------------
// Photos as served

export interface NotePhotoFile {
  sha256: string;
  contentType: string;
  byteSize: number;
  data: Buffer | null;
  note: NoteAccessFacts;
}

/**
 * A stored note photo and the facts its permission check needs. A member reads only
 * photos of their own notes (author in the WHERE); staff read notes past the draft
 * stage, and `mayViewNotePhoto` then applies their scope.
 */
export async function getNotePhotoForViewerIn(
  db: Database,
  viewer: { id: number; role: UserRole },
  photoId: number,
  options: { withData: boolean },
): Promise<NotePhotoFile | null> {
  const scope: SQL =
    viewer.role === "member" ? eq(fieldNotes.authorId, viewer.id) : ne(fieldNotes.status, "draft");
  const [row] = await db
    .select({
      sha256: files.sha256,
      contentType: files.contentType,
      byteSize: files.byteSize,
      data: options.withData ? files.data : sql<null>`null`,
      authorId: fieldNotes.authorId,
      status: fieldNotes.status,
      sectorId: fieldNotes.sectorId,
      liaisonOfficeIds: sql<
        number[]
      >`array(select o.id from organisations o where o.kind = 'liaison_office' and o.town_id = ${fieldNotes.townId} order by o.id)`,
    })
    .from(notePhotos)
    .innerJoin(fieldNotes, eq(fieldNotes.id, notePhotos.noteId))
    .innerJoin(files, eq(files.id, notePhotos.fileId))
    .where(and(eq(notePhotos.id, photoId), scope));
  if (!row) return null;
  const { authorId, status, sectorId, liaisonOfficeIds, ...file } = row;
  return {
    ...file,
    data: file.data ?? null,
    note: { authorId, status, sectorId, liaisonOfficeIds: (liaisonOfficeIds ?? []).map(Number) },
  };
}

// ---------------------------------------------------------------------------------------
// The server's database

function onServerDb<Args extends unknown[], Result>(
  query: (db: Database, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => query(await getDb(), ...args);
}

export const saveNoteDraft = onServerDb(saveNoteDraftIn);
export const submitNote = onServerDb(submitNoteIn);
export const addNotePhoto = onServerDb(addNotePhotoIn);
export const removeNotePhoto = onServerDb(removeNotePhotoIn);
export const findMemberNoteByClientId = onServerDb(findMemberNoteByClientIdIn);
export const getMemberNote = onServerDb(getMemberNoteIn);
export const listMemberNotePhotos = onServerDb(listMemberNotePhotosIn);
export const listMemberNoteTimeline = onServerDb(listMemberNoteTimelineIn);
export const listMemberNotes = onServerDb(listMemberNotesIn);
export const countMemberNotesByStatus = onServerDb(countMemberNotesByStatusIn);
export const getMemberNoteFigures = onServerDb(getMemberNoteFiguresIn);
export const listSectorUpcomingEvents = onServerDb(listSectorUpcomingEventsIn);
export const getNoteFormOptions = onServerDb(getNoteFormOptionsIn);
export const checkNoteReferences = onServerDb(checkNoteReferencesIn);
export const getNotePhotoForViewer = onServerDb(getNotePhotoForViewerIn);
