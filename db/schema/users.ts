import { boolean, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { userRoles, userStatuses } from "../../lib/vocabulary";
import { organisations, sectors } from "./committee";
import { createdAt, tstz, updatedAt } from "./common";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    /** Ciphertext `v1:…` of the normalised phone (lib/security/field-crypto.ts). */
    phone: text("phone"),
    /** HMAC-SHA256 blind index of the phone: login by phone, one account per phone. */
    phoneHash: text("phone_hash").unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: userRoles }).notNull().default("member"),
    status: text("status", { enum: userStatuses }).notNull().default("invited"),
    sectorId: integer("sector_id").references(() => sectors.id, { onDelete: "set null" }),
    /** An editor's liaison office (their scope), when they work for one. */
    organisationId: integer("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    /** Ciphertext `v1:…` of the e-mail address notifications are sent to, when given. */
    email: text("email"),
    /** Channels the person chose besides the in-app message centre (always on). */
    notifyByEmail: boolean("notify_by_email").notNull().default(true),
    notifyBySms: boolean("notify_by_sms").notNull().default(false),
    passwordHash: text("password_hash"),
    /** Bumped to end every session of the account at once. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** Base32 TOTP secret, encrypted; the factor counts once `totpEnabledAt` is set. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: tstz("totp_enabled_at"),
    /** Consecutive wrong passwords; reset by a successful login. */
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: tstz("locked_until"),
    passwordChangedAt: tstz("password_changed_at"),
    lastLoginAt: tstz("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("users_sector_idx").on(t.sectorId),
    index("users_organisation_idx").on(t.organisationId),
    index("users_role_idx").on(t.role),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A one-time link that lets an invited member set their password (valid 7 days). */
export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    createdById: integer("created_by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_idx").on(t.tokenHash),
    index("invitations_user_idx").on(t.userId),
  ],
);

/** Single-use recovery codes for a lost authenticator, stored hashed. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: tstz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * Sessions ended by "退出" before their time: the session cookie names its `sid`, and a
 * copy of the cookie (a stolen one, a second tab's) is refused once its sid is here.
 * A row is useless after `expiresAt` (the session's absolute end) and is swept then.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sid: text("sid").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endedAt: tstz("ended_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [
    index("ended_sessions_user_idx").on(t.userId),
    index("ended_sessions_expires_idx").on(t.expiresAt),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;
