ALTER TABLE "public_cases" ALTER COLUMN "outcome_format" SET DEFAULT 'html';--> statement-breakpoint
ALTER TABLE "research_topics" ALTER COLUMN "report_format" SET DEFAULT 'html';