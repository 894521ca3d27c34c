import { z } from "zod";
import { checkDeliveryEnv, deliveryEnv } from "./notifications/env";
import { parseDataKeys, parseKeyBytes } from "./security/field-crypto";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * Empty strings count as unset, so `DATABASE_URL=` in a shell means "embedded".
 */
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头")
        .optional(),
    ),
    DATABASE_POOL_MAX: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(1).max(200).default(10),
    ),
    PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
    /** Load demo data into an empty embedded database on first start. */
    DEMO_DATA: z.preprocess(emptyToUndefined, z.enum(["auto", "off"]).default("auto")),
    /** Gives every demo account this password instead of a random one (tests, demos). */
    DEMO_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(10).optional()),
    SITE_URL: z.preprocess(emptyToUndefined, z.url().default("http://localhost:3000")),
    /**
     * Encrypts session cookies and login tickets. Required for a production server on
     * PostgreSQL (several instances must share it); otherwise, when unset, one is made on
     * first use and kept beside the embedded database (server/auth/secret.ts).
     */
    AUTH_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .min(32, "AUTH_SECRET 至少 32 个字符（可用 openssl rand -base64 32 生成）")
        .optional(),
    ),
    /**
     * Encrypt phones, opinion contacts and TOTP secrets at rest (db/encryption/keys.ts):
     * `id:base64key[,id:base64key…]`, 32-byte keys, the first encrypts, all decrypt.
     * Required with DATA_INDEX_KEY for a production server on PostgreSQL; otherwise, when
     * both are unset, a pair is made on first use and kept beside the embedded database.
     */
    DATA_ENCRYPTION_KEYS: z.preprocess(emptyToUndefined, z.string().optional()),
    /** The HMAC-SHA256 key (base64, 32 bytes) of the phones' blind index. */
    DATA_INDEX_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    /**
     * Redis shared by several instances (rate limits, cache invalidation), e.g.
     * redis://127.0.0.1:6379/0 or rediss://… Unset: one instance, everything in memory.
     */
    REDIS_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, "REDIS_URL 必须以 redis:// 或 rediss:// 开头")
        .optional(),
    ),
    /** A session with no request for this long ends (sliding). */
    SESSION_IDLE_MINUTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(30),
    ),
    /** A session ends this long after its login, however active. */
    SESSION_MAX_HOURS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(12),
    ),
    /**
     * Registrants' names and phones, and opinion senders' names and contacts, are
     * anonymised this many days after the event ended or the topic closed (db/retention).
     */
    RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "RETENTION_DAYS 必须是天数（整数）" })
        .int("RETENTION_DAYS 必须是天数（整数）")
        .min(1, "RETENTION_DAYS 至少为 1 天")
        .max(3650, "RETENTION_DAYS 最多 3650 天")
        .default(180),
    ),
    /** Audit entries older than this are archived to a file and removed (at least 180). */
    AUDIT_RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "AUDIT_RETENTION_DAYS 必须是天数（整数）" })
        .int("AUDIT_RETENTION_DAYS 必须是天数（整数）")
        .min(180, "AUDIT_RETENTION_DAYS 至少为 180 天（等保要求审计记录至少保存 180 天）")
        .max(36500, "AUDIT_RETENTION_DAYS 最多 36500 天")
        .default(180),
    ),
    /** Where archived audit entries go (JSON Lines, 0600); default: beside PGLITE_DIR. */
    AUDIT_ARCHIVE_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
    ...deliveryEnv,
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && value.DATABASE_URL && !value.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "生产环境连接 PostgreSQL 时必须设置 AUTH_SECRET（各实例共用同一个值）",
      });
    }
    checkDataKeys(value, ctx);
    checkDeliveryEnv(value, ctx);
  });

interface DataKeySettings {
  NODE_ENV: string;
  DATABASE_URL?: string;
  DATA_ENCRYPTION_KEYS?: string;
  DATA_INDEX_KEY?: string;
}

/** The data keys parse, come as a pair, and are set for a production server on PostgreSQL. */
function checkDataKeys(value: DataKeySettings, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  const tryParse = (path: string, parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      issue(path, (error as Error).message);
    }
  };
  if (value.DATA_ENCRYPTION_KEYS) {
    const keys = value.DATA_ENCRYPTION_KEYS;
    tryParse("DATA_ENCRYPTION_KEYS", () => parseDataKeys(keys));
  }
  const indexKey = value.DATA_INDEX_KEY;
  if (indexKey) tryParse("DATA_INDEX_KEY", () => parseKeyBytes(indexKey, "DATA_INDEX_KEY"));
  if (Boolean(value.DATA_ENCRYPTION_KEYS) !== Boolean(value.DATA_INDEX_KEY)) {
    issue("DATA_INDEX_KEY", "DATA_ENCRYPTION_KEYS 与 DATA_INDEX_KEY 须同时设置");
  } else if (value.NODE_ENV === "production" && value.DATABASE_URL && !value.DATA_ENCRYPTION_KEYS) {
    issue(
      "DATA_ENCRYPTION_KEYS",
      "生产环境连接 PostgreSQL 时必须设置 DATA_ENCRYPTION_KEYS 和 DATA_INDEX_KEY（个人信息加密存储；各实例共用同一组密钥）",
    );
  }
}

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量配置有误 (invalid environment):\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
