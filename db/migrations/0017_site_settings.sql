ALTER TABLE "committee_settings" ADD COLUMN "host_organisation" text;--> statement-breakpoint
ALTER TABLE "committee_settings" ADD COLUMN "icp_number" text;--> statement-breakpoint
ALTER TABLE "committee_settings" ADD COLUMN "police_number" text;--> statement-breakpoint
ALTER TABLE "committee_settings" ADD COLUMN "gov_site_code" text;--> statement-breakpoint
ALTER TABLE "committee_settings" ADD COLUMN "site_links" jsonb DEFAULT '[]'::jsonb NOT NULL;