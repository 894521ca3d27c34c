import { index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { organisations, sectors } from "./committee";
import { createdAt, tstz, updatedAt } from "./common";

export const userRoles = ["admin", "editor", "member"] as const;
export type UserRole = (typeof userRoles)[number];
export const userStatuses = ["invited", "active", "disabled"] as const;

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    phone: text("phone").unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: userRoles }).notNull().default("member"),
    status: text("status", { enum: userStatuses }).notNull().default("invited"),
    sectorId: integer("sector_id").references(() => sectors.id, { onDelete: "set null" }),
    /** An editor's liaison office (their scope), when they work for one. */
    organisationId: integer("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    passwordHash: text("password_hash"),
    /** Bumped to end every session of the account at once. */
    sessionVersion: integer("session_version").notNull().default(1),
    totpSecret: text("totp_secret"),
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
