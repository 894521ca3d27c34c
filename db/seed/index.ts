import { generatePassword, hashPassword } from "../../lib/password";
import { markdownToRichText } from "../../lib/rich-text/markdown";
import type { Database } from "../client";
import { sealPhone } from "../encryption/fields";
import {
  articleSectors,
  articles,
  campaigns,
  committeeSettings,
  eventOrganisers,
  events,
  newsColumns,
  organisationSectors,
  organisations,
  sectors,
  topics,
  towns,
  users,
} from "../schema";
import { rebuildSearchIndex } from "../search";
import { buildDemoData, type DemoAccount, type DemoAccountKey, type DemoData } from "./demo-data";
import { type DemoPictures, drawDemoPictures, insertDemoPictures } from "./pictures";
import { insertPipelineDemo } from "./pipeline";

export { buildDemoData, demoPasswords } from "./demo-data";

export interface SeedOptions {
  /** The moment the relative dates (research month, upcoming events …) hang on. */
  now?: Date;
  /**
   * Create the demo accounts (admin, security, auditor, editor, member1, member2)? Never in
   * production.
   */
  withAccounts: boolean;
  /** Fixed passwords for some accounts; the others get a generated one. */
  passwords?: Partial<Record<DemoAccountKey, string>>;
}

export interface SeededAccount {
  username: string;
  role: string;
  password: string;
}

export interface SeedResult {
  /** False when the database already had a committee: nothing was changed. */
  created: boolean;
  /** The accounts created with their passwords in clear, to be shown once. */
  accounts: SeededAccount[];
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type AccountWithHash = { account: DemoAccount; password: string; passwordHash: string };

/**
 * Loads the demo data into an empty database, all in one transaction. A database
 * that already has its committee row is left untouched, so this is safe to call
 * on every start; two concurrent calls create the data once.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  const existing = await db.select({ id: committeeSettings.id }).from(committeeSettings).limit(1);
  if (existing.length > 0) return { created: false, accounts: [] };

  const now = options.now ?? new Date();
  const data = buildDemoData(now);
  // Hash before the transaction: argon2 is the slow part and needs no lock.
  const accounts: AccountWithHash[] = options.withAccounts
    ? await Promise.all(
        data.accounts.map(async (account) => {
          const password = options.passwords?.[account.key] ?? generatePassword();
          return { account, password, passwordHash: await hashPassword(password) };
        }),
      )
    : [];
  const pictures = await drawDemoPictures(data);

  const created = await db.transaction(async (tx) => {
    // The committee row goes first: a concurrent seeder waits on it, then backs off.
    const claimed = await tx
      .insert(committeeSettings)
      .values({ id: 1, ...data.committee })
      .onConflictDoNothing()
      .returning({ id: committeeSettings.id });
    if (claimed.length === 0) return false;
    await insertDemoRows(tx, data, accounts, pictures);
    await insertPipelineDemo(tx, now);
    await rebuildSearchIndex(tx);
    return true;
  });

  if (!created) return { created: false, accounts: [] };
  return {
    created: true,
    accounts: accounts.map(({ account, password }) => ({
      username: account.username,
      role: account.role,
      password,
    })),
  };
}

/** slug → id, failing loudly on a dangling reference in the demo data. */
function idMap(rows: { id: number; slug: string }[], what: string) {
  const map = new Map(rows.map((r) => [r.slug, r.id]));
  return (slug: string): number => {
    const id = map.get(slug);
    if (id === undefined) throw new Error(`demo data: unknown ${what} "${slug}"`);
    return id;
  };
}

function optionalId(resolve: (slug: string) => number, slug: string | undefined) {
  return slug === undefined ? null : resolve(slug);
}

async function insertDemoRows(
  tx: Transaction,
  data: DemoData,
  accounts: AccountWithHash[],
  pictures: DemoPictures,
) {
  const [coverFileId, photoFileId, sectorPhotoId, townPhotoId] = [
    await insertDemoPictures(tx, pictures.articles),
    await insertDemoPictures(tx, pictures.organisations),
    await insertDemoPictures(tx, pictures.sectors),
    await insertDemoPictures(tx, pictures.towns),
  ];
  const sectorId = idMap(
    await tx
      .insert(sectors)
      .values(
        data.sectors.map(({ picture: _picture, ...s }, i) => ({
          ...s,
          photoFileId: sectorPhotoId.get(s.slug) ?? null,
          sortOrder: i,
        })),
      )
      .returning({ id: sectors.id, slug: sectors.slug }),
    "sector",
  );
  const townId = idMap(
    await tx
      .insert(towns)
      .values(
        data.towns.map(({ picture: _picture, ...t }, i) => ({
          ...t,
          photoFileId: townPhotoId.get(t.slug) ?? null,
          sortOrder: i,
        })),
      )
      .returning({ id: towns.id, slug: towns.slug }),
    "town",
  );
  const organisationId = idMap(
    await tx
      .insert(organisations)
      .values(
        data.organisations.map((o, i) => ({
          slug: o.slug,
          name: o.name,
          kind: o.kind,
          townId: optionalId(townId, o.town),
          address: o.address ?? null,
          description: o.description,
          photoFileId: photoFileId.get(o.slug) ?? null,
          contactPerson: o.contactPerson ?? null,
          contactPhone: o.contactPhone ?? null,
          openingHours: o.openingHours ?? null,
          sortOrder: i,
        })),
      )
      .returning({ id: organisations.id, slug: organisations.slug }),
    "organisation",
  );
  const served = data.organisations.flatMap((o) =>
    (o.sectors ?? []).map((s) => ({
      organisationId: organisationId(o.slug),
      sectorId: sectorId(s),
    })),
  );
  if (served.length > 0) await tx.insert(organisationSectors).values(served);

  const columnId = idMap(
    await tx
      .insert(newsColumns)
      .values(data.newsColumns.map((c, i) => ({ ...c, sortOrder: i })))
      .returning({ id: newsColumns.id, slug: newsColumns.slug }),
    "news column",
  );
  const campaignId = idMap(
    await tx
      .insert(campaigns)
      .values(data.campaigns)
      .returning({ id: campaigns.id, slug: campaigns.slug }),
    "campaign",
  );
  const topicId = idMap(
    await tx
      .insert(topics)
      .values(
        data.topics.map((t, i) => ({
          slug: t.slug,
          name: t.name,
          description: t.description,
          campaignId: optionalId(campaignId, t.campaign),
          openForOpinions: t.openForOpinions,
          sortOrder: i,
        })),
      )
      .returning({ id: topics.id, slug: topics.slug }),
    "topic",
  );

  const eventRows = await tx
    .insert(events)
    .values(
      data.events.map((e) => ({
        title: e.title,
        kind: e.kind,
        serviceType: e.serviceType ?? null,
        summary: e.summary,
        body: e.body,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        townId: optionalId(townId, e.town),
        venue: e.venue,
        campaignId: optionalId(campaignId, e.campaign),
        topicId: optionalId(topicId, e.topic),
        status: e.status,
        openToPublic: e.openToPublic,
        capacity: e.capacity ?? null,
        registrationOpensAt: e.registrationOpensAt ?? null,
        registrationClosesAt: e.registrationClosesAt ?? null,
        whatToBring: e.whatToBring ?? "",
      })),
    )
    .returning({ id: events.id, title: events.title });
  // RETURNING gives the rows in VALUES order; the titles check it.
  const eventId = idMap(
    data.events.map((e, i) => {
      const row = eventRows[i];
      if (!row || row.title !== e.title) throw new Error("demo data: event rows out of order");
      return { id: row.id, slug: e.key };
    }),
    "event",
  );
  const organisers = data.events.flatMap((e) => [
    ...e.sectors.map((s) => ({ eventId: eventId(e.key), sectorId: sectorId(s) })),
    ...e.organisations.map((o) => ({ eventId: eventId(e.key), organisationId: organisationId(o) })),
  ]);
  if (organisers.length > 0) {
    await tx.insert(eventOrganisers).values(organisers.map((o, i) => ({ ...o, sortOrder: i })));
  }

  if (accounts.length > 0) {
    await tx.insert(users).values(
      accounts.map(({ account, passwordHash }) => ({
        username: account.username,
        // Written encrypted, with the blind index, as the app writes phones.
        ...(account.phone ? sealPhone("users.phone", account.phone) : {}),
        displayName: account.displayName,
        role: account.role,
        status: "active" as const,
        sectorId: optionalId(sectorId, account.sector),
        organisationId: optionalId(organisationId, account.organisation),
        passwordHash,
      })),
    );
  }

  const articleId = idMap(
    await tx
      .insert(articles)
      .values(
        data.articles.map((a) => ({
          slug: a.slug,
          columnId: columnId(a.column),
          title: a.title,
          summary: a.summary,
          // The demo texts are written in Markdown; stored as the editor's clean HTML.
          body: markdownToRichText(a.body),
          coverCredit: a.coverCredit ?? null,
          coverFileId: coverFileId.get(a.slug) ?? null,
          reporter: a.reporter ?? null,
          correspondent: a.correspondent ?? null,
          eventId: optionalId(eventId, a.event),
          status: a.status,
          publishedAt: a.publishedAt,
        })),
      )
      .returning({ id: articles.id, slug: articles.slug }),
    "article",
  );
  const tagged = data.articles.flatMap((a) =>
    a.sectors.map((s) => ({ articleId: articleId(a.slug), sectorId: sectorId(s) })),
  );
  if (tagged.length > 0) await tx.insert(articleSectors).values(tagged);
}
