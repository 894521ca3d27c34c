import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { backupEmbedded, backupServer } from "@/db/backup/index";
import { findPgTool } from "@/db/backup/server";
import { type Database, type DatabaseHandle, migrateDatabase, openDatabase } from "@/db/client";
import { saveChannelChoicesIn } from "@/db/queries/notifications/preferences";
import { submitOpinionIn } from "@/db/queries/opinions/public";
import { listOpinionsForModerationIn } from "@/db/queries/opinions/staff";
import { registerForEventIn } from "@/db/queries/registrations/write";
import { createInvitedAccountIn } from "@/db/queries/users/accounts";
import { findLoginAccountIn } from "@/db/queries/users/login";
import { enableTotpIn } from "@/db/queries/users/profile";
import { events, registrations, topics, users } from "@/db/schema";
import { createTestDatabase, driverLabel } from "@/db/test-utils";
import { AppError } from "@/lib/errors";
import {
  blindIndex,
  type DataKeyring,
  decryptField,
  envelopeKeyId,
  parseDataKeys,
} from "@/lib/security/field-crypto";
import { encryptClearPersonalData, rotateDataKeys } from "./at-rest";
import { getDataKeys } from "./keys";

const PHONE = "13912345678";
const USER_PHONE = "13787654321";
const CONTACT = "15611112222";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const EMAIL = "jiami.weiyuan@example.org";
/** The address before a change: the change's notice is pinned to it (notification_deliveries). */
const OLD_EMAIL = "jiu.dizhi@example.org";
const DAY = 24 * 60 * 60 * 1000;
const cli = { actorId: null, actorLabel: "cli:test", ip: null };

const opened: DatabaseHandle[] = [];
const scratch: string[] = [];
afterAll(async () => {
  for (const handle of opened.splice(0).reverse()) await handle.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function fresh() {
  const handle = await createTestDatabase();
  opened.push(handle);
  return handle;
}

/** A registration, an account with a phone and TOTP, an opinion with a contact. */
async function writePersonalData(db: Database) {
  const now = Date.now();
  const [event] = await db
    .insert(events)
    .values({
      title: "加密测试协商会",
      kind: "consultation",
      startsAt: new Date(now + 5 * DAY),
      endsAt: new Date(now + 5 * DAY + 3_600_000),
      venue: "委员工作室",
      openToPublic: true,
      capacity: 10,
      registrationOpensAt: new Date(now - DAY),
      registrationClosesAt: new Date(now + 4 * DAY),
    })
    .returning({ id: events.id });
  const [topic] = await db
    .insert(topics)
    .values({ slug: "jiami-ceshi", name: "加密测试议题", openForOpinions: true })
    .returning({ id: topics.id });
  if (!event || !topic) throw new Error("fixtures");
  const registration = await registerForEventIn(db, {
    eventId: event.id,
    name: "报名者甲",
    phone: PHONE,
    organisation: "",
    ip: "198.51.100.7",
  });
  const { userId } = await createInvitedAccountIn(db, {
    account: { username: "jiami", displayName: "加密委员", role: "member", phone: USER_PHONE },
    tokenHash: "a".repeat(64),
    now: new Date(),
    actor: cli,
  });
  await enableTotpIn(db, {
    userId,
    secret: TOTP_SECRET,
    step: 1,
    recoveryCodeHashes: ["argon2-hash-of-a-recovery-code"],
    now: new Date(),
    actor: cli,
  });
  for (const email of [OLD_EMAIL, EMAIL]) {
    await saveChannelChoicesIn(
      db,
      userId,
      { email, byEmail: true, bySms: false },
      { ip: null, actorLabel: "cli:test" },
    );
  }
  await submitOpinionIn(db, {
    topicId: topic.id,
    name: "市民乙",
    contact: CONTACT,
    body: "建议增加夜间托育。",
    ip: "198.51.100.8",
  });
  return { eventId: event.id, userId, registration };
}

const SECRETS = [PHONE, USER_PHONE, CONTACT, TOTP_SECRET, EMAIL, OLD_EMAIL];
function findSecrets(bytes: Buffer): string[] {
  return SECRETS.filter((s) => bytes.includes(Buffer.from(s, "utf8")));
}

async function rowsAsText(db: Database): Promise<string> {
  const tables = await db.execute<{ t: string }>(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  let text = "";
  for (const { t } of (tables as unknown as { rows: { t: string }[] }).rows) {
    const rows = await db.execute(
      sql`select ${sql.identifier(t)}::text as r from ${sql.identifier(t)}`,
    );
    text += JSON.stringify((rows as unknown as { rows: unknown[] }).rows);
  }
  return text;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "accepted";
}

describe(`personal data encrypted at rest (${driverLabel()})`, () => {
  it("stores phones, contacts and TOTP secrets only as ciphertext, and still uses them", async () => {
    const { db } = await fresh();
    const { eventId, userId } = await writePersonalData(db);

    // No row of any table holds them in clear (the audit log included).
    expect(findSecrets(Buffer.from(await rowsAsText(db)))).toEqual([]);
    const [reg] = await db.select().from(registrations).where(eq(registrations.eventId, eventId));
    expect(reg?.phone).toMatch(/^v1:test:/);
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user?.phone).toMatch(/^v1:test:/);
    expect(user?.totpSecret).toMatch(/^v1:test:/);

    // One live registration per phone, through the blind index.
    const again = registerForEventIn(db, {
      eventId,
      name: "报名者丙",
      phone: PHONE,
      organisation: "",
      ip: "198.51.100.9",
    });
    expect(await refusal(again)).toBe("duplicate_phone");
    // One account per phone.
    const clash = createInvitedAccountIn(db, {
      account: { username: "jiami2", displayName: "另一位", role: "member", phone: USER_PHONE },
      tokenHash: "b".repeat(64),
      now: new Date(),
      actor: cli,
    });
    expect(await refusal(clash)).toBe("phone_taken");
    // Login by phone finds the account, with its TOTP secret decrypted.
    const account = await findLoginAccountIn(db, { username: USER_PHONE, phone: USER_PHONE });
    expect(account?.id).toBe(userId);
    expect(account?.totpSecret).toBe(TOTP_SECRET);
    // Staff read the contact in clear.
    const queue = await listOpinionsForModerationIn(db, {
      status: "pending",
      topicId: null,
      page: 1,
    });
    expect(queue.rows.map((r) => r.contact)).toEqual([CONTACT]);
  });

  it("leaves no phone in clear in the database files or in a backup", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-at-rest-"));
    scratch.push(dir);
    const out = path.join(dir, "backups", "b");
    if (driverLabel() === "PGlite") {
      const dataDir = path.join(dir, "pglite");
      const handle = await openDatabase({ dataDir });
      try {
        await migrateDatabase(handle);
        await writePersonalData(handle.db);
        await handle.db.execute(sql`checkpoint`);
      } finally {
        await handle.close();
      }
      // Every file of the data directory: heap, indexes, WAL.
      const files = filesUnder(dataDir);
      expect(files.length).toBeGreaterThan(100);
      const found = files.flatMap((f) => findSecrets(readFileSync(f)).map((s) => `${f}: ${s}`));
      expect(found).toEqual([]);
      const backup = await backupEmbedded({ dataDir, out: `${out}.tar.gz` });
      const tar = gunzipSync(readFileSync(backup.file));
      expect(tar.includes(Buffer.from("PG_VERSION"))).toBe(true);
      expect(findSecrets(tar)).toEqual([]);
    } else {
      const { db } = await fresh();
      await writePersonalData(db);
      const url = (db as unknown as { $client: { options: { connectionString: string } } }).$client
        .options.connectionString;
      const backup = await backupServer({ url, out: `${out}.dump` });
      // pg_dump -Fc compresses: pg_restore prints the SQL it would run, data included.
      const restore = await findPgTool("pg_restore");
      const script = execFileSync(restore.path, ["-f", "-", backup.file], {
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(script.includes(Buffer.from("COPY public.registrations"))).toBe(true);
      expect(findSecrets(script)).toEqual([]);
    }
    // A data directory on disk, a checkpoint and a backup: slow on a busy machine.
  }, 180_000);

  it("encrypts the rows an older version wrote in clear, once (the migration's data step)", async () => {
    const handle = await fresh();
    const { db } = handle;
    const { eventId, userId } = await writePersonalData(db);
    // As an older version stored them: in clear, without blind index.
    await db.execute(
      sql`update registrations set phone = ${PHONE}, phone_hash = null where event_id = ${eventId}`,
    );
    await db.execute(
      sql`update users set phone = ${USER_PHONE}, phone_hash = null, totp_secret = ${TOTP_SECRET}, email = ${EMAIL} where id = ${userId}`,
    );
    await db.execute(sql`update opinions set contact = ${CONTACT}`);
    await db.execute(
      sql`update notification_deliveries set address = ${OLD_EMAIL} where address is not null`,
    );
    expect(findSecrets(Buffer.from(await rowsAsText(db))).sort()).toEqual([...SECRETS].sort());

    await migrateDatabase(handle);
    expect(findSecrets(Buffer.from(await rowsAsText(db)))).toEqual([]);
    const ring = getDataKeys();
    const [reg] = await db.select().from(registrations).where(eq(registrations.eventId, eventId));
    expect(decryptField(ring, "registrations.phone", reg?.phone ?? "")).toBe(PHONE);
    expect(reg?.phoneHash).toBe(blindIndex(ring.indexKey, PHONE));
    const account = await findLoginAccountIn(db, { username: USER_PHONE, phone: USER_PHONE });
    expect(account?.totpSecret).toBe(TOTP_SECRET);

    // Run again: nothing left to do.
    const second = await encryptClearPersonalData(db, () => ring);
    expect(Object.values(second.changed)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("keys:rotate re-encrypts every value under the new key and re-indexes the phones", async () => {
    const { db } = await fresh();
    const { eventId, userId } = await writePersonalData(db);
    const old = getDataKeys();
    const next: DataKeyring = {
      keys: [...parseDataKeys(`k2:${Buffer.alloc(32, 7).toString("base64")}`), ...old.keys],
      indexKey: Buffer.alloc(32, 9),
    };
    const report = await rotateDataKeys(db, next);
    expect(report.changed).toEqual({
      "registrations.phone": 1,
      "users.phone": 1,
      "users.totp_secret": 1,
      "users.email": 1,
      "opinions.contact": 1,
      "notification_deliveries.address": 1,
    });
    const [reg] = await db.select().from(registrations).where(eq(registrations.eventId, eventId));
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [opinion] = (
      (await db.execute(sql`select contact from opinions`)) as unknown as {
        rows: { contact: string }[];
      }
    ).rows;
    for (const value of [
      reg?.phone,
      user?.phone,
      user?.totpSecret,
      user?.email,
      opinion?.contact,
    ]) {
      expect(envelopeKeyId(value ?? "")).toBe("k2");
    }
    // The new key alone reads everything: the old one can be dropped.
    const onlyNew: DataKeyring = { keys: next.keys.slice(0, 1), indexKey: next.indexKey };
    expect(decryptField(onlyNew, "registrations.phone", reg?.phone ?? "")).toBe(PHONE);
    expect(decryptField(onlyNew, "users.totp_secret", user?.totpSecret ?? "")).toBe(TOTP_SECRET);
    expect(decryptField(onlyNew, "opinions.contact", opinion?.contact ?? "")).toBe(CONTACT);
    expect(decryptField(onlyNew, "users.email", user?.email ?? "")).toBe(EMAIL);
    const [pinned] = (
      (await db.execute(
        sql`select address from notification_deliveries where address is not null`,
      )) as unknown as { rows: { address: string }[] }
    ).rows;
    expect(decryptField(onlyNew, "notification_deliveries.address", pinned?.address ?? "")).toBe(
      OLD_EMAIL,
    );
    expect(reg?.phoneHash).toBe(blindIndex(next.indexKey, PHONE));
    expect(user?.phoneHash).toBe(blindIndex(next.indexKey, USER_PHONE));
    // Nothing left for a second run.
    const again = await rotateDataKeys(db, next);
    expect(Object.values(again.changed)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe(`start-up with the wrong keys (${driverLabel()})`, () => {
  it("refuses to migrate when the keys do not open the stored data", async () => {
    const handle = await fresh();
    await writePersonalData(handle.db);
    const right = getDataKeys();
    const otherKey: DataKeyring = {
      keys: parseDataKeys(`test:${Buffer.alloc(32, 5).toString("base64")}`),
      indexKey: right.indexKey,
    };
    await expect(migrateDatabase(handle, otherKey)).rejects.toThrow(
      /DATA_ENCRYPTION_KEYS 无法解密/,
    );
    const otherIndex: DataKeyring = { keys: right.keys, indexKey: Buffer.alloc(32, 5) };
    await expect(migrateDatabase(handle, otherIndex)).rejects.toThrow(/DATA_INDEX_KEY 与已存/);
    await migrateDatabase(handle, right);
  });
});
