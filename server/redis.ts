import "server-only";
import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { env } from "@/lib/env";
import { announcePagesChanged } from "@/lib/page-cache-channel.mjs";
import { recordInvalidations, setInvalidationPublisher } from "@/server/cache/handler.mjs";

/**
 * Redis, when REDIS_URL is set: what several instances of the server share.
 * - Rate limits (server/rate-limit.ts) count in Redis.
 * - Cache invalidations: a write's revalidateTag() (db/cache.ts refreshCachedPages) is
 *   stored in the hash `lvzhi:cache:tags` (tag → time) and announced on the channel
 *   `lvzhi:invalidate`; every instance listens, records the tag in its data cache
 *   (server/cache/handler.mjs) and empties its page cache (server.mjs).
 *
 * One command connection and one subscriber connection per process, made on first use
 * (or at boot by instrumentation.ts), kept on globalThis across bundled module copies.
 * They reconnect for ever (back-off up to 5 s); errors are logged, never thrown at the
 * server. While Redis is unreachable:
 * - rate limits fall back to this instance's in-memory limiter (each instance counts on
 *   its own: nobody is locked out, guessing stays limited per instance);
 * - invalidations still apply on this instance; the ones it could not send are sent when
 *   Redis is back, and on every (re)connection each instance reads the hash and applies
 *   what it missed. Until then other instances may serve content up to the page cache's
 *   and data cache's lifetimes (60 s) old.
 * Lockouts live in the database and need no Redis.
 */

export type RedisClient = ReturnType<typeof makeClient>;

export const INVALIDATION_CHANNEL = "lvzhi:invalidate";
export const INVALIDATION_HASH = "lvzhi:cache:tags";
/** A command not answered within this long fails (and its caller falls back). */
export const COMMAND_TIMEOUT_MS = 1_000;

interface Connections {
  url: string;
  instanceId: string;
  client: RedisClient;
  subscriber: RedisClient | null;
  syncing: boolean;
  /** Tag → latest time this instance knows from the hash or the channel. */
  seen: Map<string, number>;
  /** Invalidations made here while Redis was unreachable, sent on reconnection. */
  unsent: Map<string, number>;
}

const holder = globalThis as unknown as { __lvzhiRedis?: Connections };

/** Logs a connection's troubles once per outage, not once per reconnection attempt. */
function watch(
  client: { on(event: string, listener: (arg?: unknown) => void): unknown },
  role: string,
): void {
  let failing = false;
  client.on("error", (error: unknown) => {
    if (failing) return;
    failing = true;
    console.error(
      `[redis] ${role} connection failed (retrying; meanwhile falling back):`,
      error instanceof Error ? error.message : error,
    );
  });
  client.on("ready", () => {
    if (failing) console.log(`[redis] ${role} connection restored`);
    failing = false;
  });
}

function makeClient(url: string, role: string, options: { offlineQueue: boolean }) {
  const client = createClient({
    url,
    // Commands fail at once while disconnected, so callers fall back instead of waiting.
    disableOfflineQueue: !options.offlineQueue,
    pingInterval: 30_000,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  watch(client, role);
  client.connect().catch((error: unknown) => {
    console.error(`[redis] ${role} could not connect:`, error);
  });
  return client;
}

function connections(): Connections | null {
  const url = env.REDIS_URL;
  if (!url) return null;
  if (!holder.__lvzhiRedis) {
    holder.__lvzhiRedis = {
      url,
      instanceId: randomUUID(),
      client: makeClient(url, "command", { offlineQueue: false }),
      subscriber: null,
      syncing: false,
      seen: new Map(),
      unsent: new Map(),
    };
  }
  return holder.__lvzhiRedis;
}

/** The shared command connection, or null without REDIS_URL. It may not be ready yet. */
export function redisClient(): RedisClient | null {
  return connections()?.client ?? null;
}

/** Runs `command` if Redis is ready; throws otherwise (callers fall back). */
export async function withRedis<T>(command: (client: RedisClient) => Promise<T>): Promise<T> {
  const client = redisClient();
  if (!client?.isReady) throw new Error("Redis is not connected");
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      command(client),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)),
          COMMAND_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface InvalidationMessage {
  origin: string;
  tags: string[];
  at: number;
}

/** Another instance changed content: its tags are stale here too, and so are the pages. */
function applyRemote(redis: Connections, tags: Iterable<[string, number]>): void {
  const now = Date.now();
  const fresh: string[] = [];
  for (const [tag, at] of tags) {
    if (!Number.isFinite(at) || at <= (redis.seen.get(tag) ?? 0)) continue;
    redis.seen.set(tag, at);
    fresh.push(tag);
    // Clocks differ: what this instance stored before hearing of it is stale, whatever
    // the other instance's clock said.
    recordInvalidations([tag], Math.max(at, now));
  }
  // Rendered public pages change with the app's named tags (refreshCachedPages), never
  // with a staff page's path alone.
  const named = fresh.filter((tag) => !isImplicitTag(tag));
  if (named.length > 0) announcePagesChanged(named);
}

/** Sends invalidations made here; what cannot be sent now waits for the reconnection. */
async function publish(redis: Connections, tags: string[], at: number): Promise<void> {
  for (const tag of tags) {
    redis.seen.set(tag, Math.max(at, redis.seen.get(tag) ?? 0));
    redis.unsent.set(tag, Math.max(at, redis.unsent.get(tag) ?? 0));
  }
  await flushUnsent(redis);
}

async function flushUnsent(redis: Connections): Promise<void> {
  if (redis.unsent.size === 0) return;
  // Not connected: the connection's "ready" sends them.
  if (!redis.client.isReady) return;
  const batch = new Map(redis.unsent);
  const message: InvalidationMessage = {
    origin: redis.instanceId,
    tags: [...batch.keys()],
    at: Math.max(...batch.values()),
  };
  // The hash keeps the app's named tags only (a bounded set: news, events,
  // registrations:<id> …). Next's implicit per-path tags (`_N_T_/admin/notes/17`, from
  // revalidatePath) go out on the channel alone: one per path ever visited would make
  // the hash grow for good, and a restarted instance has no old entries for them anyway.
  const kept = [...batch].filter(([tag]) => !isImplicitTag(tag));
  try {
    await withRedis((client) => {
      const multi = client.multi();
      if (kept.length > 0) {
        multi.hSet(
          INVALIDATION_HASH,
          Object.fromEntries(kept.map(([tag, at]) => [tag, String(at)])),
        );
      }
      return multi.publish(INVALIDATION_CHANNEL, JSON.stringify(message)).exec();
    });
  } catch (error) {
    console.error(
      `[redis] invalidation of ${message.tags.join(", ")} not shared yet (sent on reconnection):`,
      error instanceof Error ? error.message : error,
    );
    return;
  }
  for (const [tag, at] of batch) {
    if (redis.unsent.get(tag) === at) redis.unsent.delete(tag);
  }
}

/** Next's implicit tags name a path (revalidatePath), not content. */
function isImplicitTag(tag: string): boolean {
  return tag.startsWith("_N_T_");
}

/** Reads the hash: what changed while this instance was not listening. */
async function catchUp(redis: Connections): Promise<void> {
  if (!redis.client.isReady) return; // its "ready" catches up
  try {
    const all = await withRedis((client) => client.hGetAll(INVALIDATION_HASH));
    applyRemote(
      redis,
      Object.entries(all).map(([tag, at]) => [tag, Number(at)]),
    );
  } catch (error) {
    console.error(
      "[redis] could not read shared invalidations:",
      error instanceof Error ? error.message : error,
    );
  }
}

function onMessage(redis: Connections, raw: string): void {
  let message: InvalidationMessage;
  try {
    message = JSON.parse(raw) as InvalidationMessage;
  } catch {
    return;
  }
  if (message.origin === redis.instanceId || !Array.isArray(message.tags)) return;
  applyRemote(
    redis,
    message.tags.filter((t) => typeof t === "string").map((tag) => [tag, Number(message.at)]),
  );
}

/**
 * Shares cache invalidations through Redis (no-op without REDIS_URL). Called at boot by
 * instrumentation.ts, so that an instance listens before it serves its first page.
 */
export function startCacheInvalidationSync(): void {
  const redis = connections();
  if (!redis || redis.syncing) return;
  redis.syncing = true;
  setInvalidationPublisher((tags, at) => publish(redis, tags, at));

  // Subscribing is queued until connected, and node-redis subscribes again on reconnection.
  const subscriber = makeClient(redis.url, "subscriber", { offlineQueue: true });
  redis.subscriber = subscriber;
  // After any (re)connection of either link: send what waited, apply what was missed.
  const resync = () => {
    void flushUnsent(redis).then(() => catchUp(redis));
  };
  subscriber
    .subscribe(INVALIDATION_CHANNEL, (raw) => onMessage(redis, raw))
    .then(resync, (error: unknown) => {
      console.error("[redis] could not subscribe to invalidations:", error);
    })
    .finally(() => {
      // Later reconnections: node-redis subscribes again by itself.
      subscriber.on("ready", resync);
    });
  redis.client.on("ready", resync);
  if (redis.client.isReady) resync();
}

/** Closes this process's connections (tests; a server simply exits). */
export async function closeRedis(): Promise<void> {
  const redis = holder.__lvzhiRedis;
  if (!redis) return;
  holder.__lvzhiRedis = undefined;
  setInvalidationPublisher(null);
  for (const client of [redis.subscriber, redis.client]) {
    if (!client) continue;
    client.removeAllListeners("ready");
    try {
      if (client.isOpen) await client.close();
      else client.destroy();
    } catch {
      // already closed
    }
  }
}
