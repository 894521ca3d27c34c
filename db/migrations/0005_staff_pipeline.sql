CREATE TABLE "answer_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "event_attendees" (
	"event_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_attendees_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "note_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"note_id" integer NOT NULL,
	"author_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"note_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"satisfaction" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"topic_id" integer NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"ip" text,
	"moderated_by_id" integer,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_members" (
	"proposal_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "proposal_members_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_notes" (
	"proposal_id" integer NOT NULL,
	"note_id" integer NOT NULL,
	CONSTRAINT "proposal_notes_proposal_id_note_id_pk" PRIMARY KEY("proposal_id","note_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'proposal' NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"research_topic_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"note_id" integer,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"category" text,
	"town_id" integer,
	"department_name" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"received_on" date,
	"resolved_on" date,
	"published_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_topic_members" (
	"research_topic_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "research_topic_members_research_topic_id_user_id_pk" PRIMARY KEY("research_topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "research_topic_notes" (
	"research_topic_id" integer NOT NULL,
	"note_id" integer NOT NULL,
	CONSTRAINT "research_topic_notes_research_topic_id_note_id_pk" PRIMARY KEY("research_topic_id","note_id")
);
--> statement-breakpoint
CREATE TABLE "research_topics" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"campaign_id" integer,
	"topic_id" integer,
	"summary" text DEFAULT '' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"review_status" text DEFAULT 'drafting' NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_topics_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "event_attendees" ADD CONSTRAINT "event_attendees_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD CONSTRAINT "event_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_comments" ADD CONSTRAINT "note_comments_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_comments" ADD CONSTRAINT "note_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_transfers" ADD CONSTRAINT "note_transfers_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_transfers" ADD CONSTRAINT "note_transfers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_transfers" ADD CONSTRAINT "note_transfers_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_members" ADD CONSTRAINT "proposal_members_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_members" ADD CONSTRAINT "proposal_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_notes" ADD CONSTRAINT "proposal_notes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_notes" ADD CONSTRAINT "proposal_notes_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_research_topic_id_research_topics_id_fk" FOREIGN KEY ("research_topic_id") REFERENCES "public"."research_topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cases" ADD CONSTRAINT "public_cases_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cases" ADD CONSTRAINT "public_cases_town_id_towns_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."towns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cases" ADD CONSTRAINT "public_cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topic_members" ADD CONSTRAINT "research_topic_members_research_topic_id_research_topics_id_fk" FOREIGN KEY ("research_topic_id") REFERENCES "public"."research_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topic_members" ADD CONSTRAINT "research_topic_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topic_notes" ADD CONSTRAINT "research_topic_notes_research_topic_id_research_topics_id_fk" FOREIGN KEY ("research_topic_id") REFERENCES "public"."research_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topic_notes" ADD CONSTRAINT "research_topic_notes_note_id_field_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."field_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topics" ADD CONSTRAINT "research_topics_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topics" ADD CONSTRAINT "research_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_attendees_user_idx" ON "event_attendees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "note_comments_note_idx" ON "note_comments" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "note_comments_author_idx" ON "note_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "note_transfers_note_idx" ON "note_transfers" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "note_transfers_department_idx" ON "note_transfers" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "note_transfers_due_idx" ON "note_transfers" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "note_transfers_created_by_idx" ON "note_transfers" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "opinions_topic_status_idx" ON "opinions" USING btree ("topic_id","status");--> statement-breakpoint
CREATE INDEX "opinions_status_idx" ON "opinions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "opinions_moderated_by_idx" ON "opinions" USING btree ("moderated_by_id");--> statement-breakpoint
CREATE INDEX "proposal_members_user_idx" ON "proposal_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "proposal_notes_note_idx" ON "proposal_notes" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "proposals_year_idx" ON "proposals" USING btree ("year");--> statement-breakpoint
CREATE INDEX "proposals_research_topic_idx" ON "proposals" USING btree ("research_topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_cases_note_idx" ON "public_cases" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "public_cases_published_idx" ON "public_cases" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "public_cases_town_idx" ON "public_cases" USING btree ("town_id");--> statement-breakpoint
CREATE INDEX "public_cases_created_by_idx" ON "public_cases" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "research_topic_members_user_idx" ON "research_topic_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "research_topic_notes_note_idx" ON "research_topic_notes" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "research_topics_year_idx" ON "research_topics" USING btree ("year");--> statement-breakpoint
CREATE INDEX "research_topics_campaign_idx" ON "research_topics" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "research_topics_topic_idx" ON "research_topics" USING btree ("topic_id");