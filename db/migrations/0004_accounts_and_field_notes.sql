CREATE TABLE "field_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"author_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"observation" text DEFAULT '' NOT NULL,
	"suggestion" text DEFAULT '' NOT NULL,
	"visit_date" date,
	"town_id" integer,
	"place" text DEFAULT '' NOT NULL,
	"sector_id" integer,
	"event_id" integer,
	"topic_id" integer,
	"category" text,
	"people_met" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"note_id" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"note_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" integer,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_transitions_action_nonempty" CHECK (length("note_transitions"."action") > 0)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "failed_login_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "field_notes" ADD CONSTRAINT "field_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_notes" ADD CONSTRAINT "field_notes_town_id_towns_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."towns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_notes" ADD CONSTRAINT "field_notes_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_notes" ADD CONSTRAINT "field_notes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_notes" ADD CONSTRAINT "field_notes_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_photos" ADD CONSTRAINT "note_photos_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_photos" ADD CONSTRAINT "note_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_transitions" ADD CONSTRAINT "note_transitions_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_transitions" ADD CONSTRAINT "note_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "field_notes_author_client_idx" ON "field_notes" USING btree ("author_id","client_id");--> statement-breakpoint
CREATE INDEX "field_notes_author_status_idx" ON "field_notes" USING btree ("author_id","status");--> statement-breakpoint
CREATE INDEX "field_notes_status_idx" ON "field_notes" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "field_notes_town_idx" ON "field_notes" USING btree ("town_id");--> statement-breakpoint
CREATE INDEX "field_notes_sector_idx" ON "field_notes" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "field_notes_event_idx" ON "field_notes" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "field_notes_topic_idx" ON "field_notes" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "field_notes_category_idx" ON "field_notes" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "note_photos_note_file_idx" ON "note_photos" USING btree ("note_id","file_id");--> statement-breakpoint
CREATE INDEX "note_photos_file_idx" ON "note_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "note_transitions_note_idx" ON "note_transitions" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE INDEX "note_transitions_actor_idx" ON "note_transitions" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_idx" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_user_idx" ON "invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id");