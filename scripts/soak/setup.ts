// The soak's data: a fresh database on the ephemeral server, migrated, with the demo
// data, the soak's members (known passwords) and one open event with few seats.
import pg from "pg";
import sharp from "sharp";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemoData } from "../../db/seed";
import { hashPassword } from "../../lib/password";
import { type DataKeyring, encryptField } from "../../lib/security/field-crypto";

export const SOAK_DATABASE = "lvzhi_soak";

export interface SoakMember {
  id: number;
  username: string;
  password: string;
}

export interface SoakTargets {
  articleSlugs: string[];
  eventIds: number[];
  /** The open event with a small capacity that readers register for. */
  soakEventId: number;
}

export async function createDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${SOAK_DATABASE} with (force)`);
    await admin.query(
      `create database ${SOAK_DATABASE} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${SOAK_DATABASE}`;
  return url.toString();
}

export async function fillDatabase(
  url: string,
  keyring: DataKeyring,
  options: { members: number; capacity: number; runTag: string },
): Promise<{ members: SoakMember[]; targets: SoakTargets }> {
  const handle = await openDatabase({ url });
  try {
    await migrateDatabase(handle, keyring);
    await seedDemoData(handle.db, { withAccounts: false });
  } finally {
    await handle.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sector = await client.query<{ id: number }>("select id from sectors order by id limit 1");
    const town = await client.query<{ id: number }>("select id from towns order by id limit 1");
    const sectorId = sector.rows[0]?.id ?? null;

    // Hashed by the app's own argon2id, as the invitation page would (in parallel: the
    // hashing runs on libuv's threads), then stored one after another on this one client.
    const accounts = await Promise.all(
      Array.from({ length: options.members }, async (_, i) => {
        const password = `Soak-${options.runTag}-${i + 1}`;
        return {
          username: `soak${String(i + 1).padStart(3, "0")}`,
          displayName: `压测委员${i + 1}`,
          password,
          hash: await hashPassword(password),
        };
      }),
    );
    const members: SoakMember[] = [];
    for (const account of accounts) {
      const { rows } = await client.query<{ id: number }>(
        `insert into users (username, display_name, role, status, sector_id, password_hash, password_changed_at)
         values ($1, $2, 'member', 'active', $3, $4, now()) returning id`,
        [account.username, account.displayName, sectorId, account.hash],
      );
      members.push({
        id: rows[0]?.id as number,
        username: account.username,
        password: account.password,
      });
    }

    // Staff who hear of every soak note (notifications by e-mail): two administrators and
    // the editor of the members' sector. They never log in.
    const staff: [string, string, "admin" | "editor"][] = [
      ["soakadmin1", "压测管理员一", "admin"],
      ["soakadmin2", "压测管理员二", "admin"],
      ["soakeditor", "压测编辑", "editor"],
    ];
    for (const [username, displayName, role] of staff) {
      await client.query(
        `insert into users (username, display_name, role, status, sector_id, email)
         values ($1, $2, $3, 'active', $4, $5)`,
        [
          username,
          displayName,
          role,
          sectorId,
          encryptField(keyring, "users.email", `${username}@example.org`),
        ],
      );
    }

    const event = await client.query<{ id: number }>(
      `insert into events (title, kind, summary, body, starts_at, ends_at, town_id, venue, status,
                           open_to_public, capacity)
       values ('开门协商：压力测试专场', 'consultation', '公众报名列席（名额有限，满额后进入候补）。',
               '本场用于压力测试。', now() + interval '7 days', now() + interval '7 days 2 hours',
               $1, '委员之家', 'scheduled', true, $2)
       returning id`,
      [town.rows[0]?.id ?? null, options.capacity],
    );
    const soakEventId = event.rows[0]?.id as number;

    const articles = await client.query<{ slug: string }>(
      `select slug from articles where status = 'published' and published_at <= now()
       order by published_at desc limit 10`,
    );
    const events = await client.query<{ id: number }>(
      "select id from events where status = 'scheduled' order by starts_at desc limit 12",
    );
    return {
      members,
      targets: {
        articleSlugs: articles.rows.map((r) => r.slug),
        eventIds: [...new Set([soakEventId, ...events.rows.map((r) => r.id)])],
        soakEventId,
      },
    };
  } finally {
    await client.end();
  }
}

/** Small, distinct JPEG "phone photos" (blocky colour noise, 640×480, ~20–40 KB). */
export async function makePhotos(count: number): Promise<Buffer[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const raw = Buffer.alloc(80 * 60 * 3);
      for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(Math.random() * 256);
      return sharp(raw, { raw: { width: 80, height: 60, channels: 3 } })
        .resize(640, 480, { kernel: "nearest" })
        .jpeg({ quality: 80 })
        .toBuffer();
    }),
  );
}
