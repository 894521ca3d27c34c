ALTER TABLE "users" DROP CONSTRAINT "users_phone_unique";--> statement-breakpoint
DROP INDEX "registrations_event_phone_live_idx";--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_phone_live_idx" ON "registrations" USING btree ("event_id","phone_hash") WHERE "registrations"."status" <> 'cancelled' and "registrations"."anonymised_at" is null;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_phone_hash_unique" UNIQUE("phone_hash");