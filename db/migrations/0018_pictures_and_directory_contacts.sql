CREATE TABLE "image_variants" (
	"key" text PRIMARY KEY NOT NULL,
	"file_id" uuid,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "photo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "opening_hours" text;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "photo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "opening_hours" text;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "towns" ADD COLUMN "photo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "towns" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "towns" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "towns" ADD COLUMN "opening_hours" text;--> statement-breakpoint
ALTER TABLE "towns" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "image_variants_file_idx" ON "image_variants" USING btree ("file_id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "towns" ADD CONSTRAINT "towns_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_photo_idx" ON "organisations" USING btree ("photo_file_id");--> statement-breakpoint
CREATE INDEX "sectors_photo_idx" ON "sectors" USING btree ("photo_file_id");--> statement-breakpoint
CREATE INDEX "towns_photo_idx" ON "towns" USING btree ("photo_file_id");