ALTER TABLE "public_cases" ADD COLUMN "outcome_format" text DEFAULT 'text' NOT NULL;--> statement-breakpoint
ALTER TABLE "research_topics" ADD COLUMN "report_format" text DEFAULT 'markdown' NOT NULL;