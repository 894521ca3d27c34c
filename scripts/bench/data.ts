// The bench's PostgreSQL database: the demo data plus bulk rows made by the server itself
// (generate_series), so 100k articles take seconds, not minutes.
import { sql } from "drizzle-orm";
import pg from "pg";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemoData } from "../../db/seed";

export async function createDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("drop database if exists lvzhi_bench with (force)");
  await admin.query(
    "create database lvzhi_bench template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'",
  );
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = "/lvzhi_bench";
  return url.toString();
}

/** Demo data, then the bulk rows; returns the newest article's slug. */
export async function fillDatabase(
  url: string,
  counts: { articles: number; events: number },
): Promise<string> {
  const { articles: ARTICLES, events: EVENTS } = counts;
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await seedDemoData(handle.db, { withAccounts: false });
  const { db } = handle;
  const words = [
    "政协",
    "委员",
    "界别",
    "协商",
    "调研",
    "走访",
    "民生",
    "托育",
    "义诊",
    "乡村",
    "共富",
    "集市",
    "外贸",
    "产业",
    "科技",
    "创新",
    "教育",
    "文化",
    "体育",
    "法律",
    "卫生",
    "企业",
    "社区",
    "街道",
    "建议",
    "提案",
    "服务",
    "群众",
    "平台",
    "人才",
    "养老",
    "医疗",
    "交通",
  ];
  const wordArray = sql.raw(`array[${words.map((w) => `'${w}'`).join(",")}]`);
  await db.execute(sql`
    insert into articles (slug, column_id, title, summary, body, status, published_at)
    select 'bench-' || g,
           (select id from news_columns order by id limit 1 offset (g % 4)),
           (${wordArray})[1 + g % 33] || (${wordArray})[1 + (g / 33) % 33] || '专题报道第' || g || '期',
           '委员围绕' || (${wordArray})[1 + (g / 7) % 33] || '开展调研，形成意见建议。',
           repeat('委员们深入一线察民情、听民声，围绕' || (${wordArray})[1 + (g / 11) % 33] || '问题提出建议。', 12),
           'published',
           now() - (g || ' hours')::interval
    from generate_series(1, ${ARTICLES}) g`);
  await db.execute(sql`
    insert into events (title, kind, summary, starts_at, ends_at, town_id, venue, status)
    select (${wordArray})[1 + g % 33] || '主题活动（第' || g || '场）',
           (array['consultation','visit','service','lecture','clinic','market','meeting'])[1 + g % 7],
           '界别委员走进基层开展活动。',
           date_trunc('hour', now()) - interval '19 years' + (g * interval '526 minutes'),
           date_trunc('hour', now()) - interval '19 years' + (g * interval '526 minutes') + interval '2 hours',
           (select id from towns order by id limit 1 offset (g % 9)),
           '委员之家',
           'scheduled'
    from generate_series(1, ${EVENTS}) g`);
  await db.execute(sql`
    insert into event_organisers (event_id, sector_id)
    select e.id, (select id from sectors order by id limit 1 offset (e.id % 19))
    from events e where e.venue = '委员之家' and e.title like '%主题活动（第%'`);
  await db.execute(sql`
    insert into search_documents (kind, ref_id, title, body, url, visible_from, happened_at, tokens)
    select 'article', a.id, a.title, a.summary, '/news/' || a.slug, a.published_at, a.published_at,
           setweight(to_tsvector('simple', regexp_replace(a.title, '(.{2})', '\\1 ', 'g')), 'A') ||
           setweight(to_tsvector('simple', regexp_replace(a.summary, '(.{2})', '\\1 ', 'g')), 'B')
    from articles a where a.slug like 'bench-%'`);
  await db.execute(sql`analyze`);
  const [newest] = (
    await db.execute<{ slug: string }>(
      sql`select slug from articles where status = 'published' and published_at <= now() order by published_at desc limit 1`,
    )
  ).rows;
  await handle.close();
  return newest?.slug ?? "";
}
