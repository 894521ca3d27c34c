CREATE TABLE "audit_log_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"entries" integer NOT NULL,
	"file" text NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "registrations_event_phone_live_idx";--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "topics" ADD COLUMN "opinions_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_anchors_seq_idx" ON "audit_log_anchors" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_phone_live_idx" ON "registrations" USING btree ("event_id","phone") WHERE "registrations"."status" <> 'cancelled' and "registrations"."anonymised_at" is null;