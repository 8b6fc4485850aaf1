CREATE TABLE "indicator_readers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" integer NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"agreement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_readers_one_reader" CHECK ((user_id is null) <> (organisation_id is null))
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "embargo_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "access_tier" text;--> statement-breakpoint
ALTER TABLE "indicator_readers" ADD CONSTRAINT "indicator_readers_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_readers_indicator_idx" ON "indicator_readers" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_readers_user_unique" ON "indicator_readers" USING btree ("indicator_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_readers_org_unique" ON "indicator_readers" USING btree ("indicator_id","organisation_id");--> statement-breakpoint
CREATE INDEX "import_batches_embargo_idx" ON "import_batches" USING btree ("embargo_until") WHERE embargo_until is not null;