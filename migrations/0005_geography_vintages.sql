CREATE TABLE "reference_data_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"sha256" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "small_area_changes" (
	"old_area_id" integer NOT NULL,
	"new_area_id" integer NOT NULL,
	"change" text NOT NULL,
	"from_vintage" smallint NOT NULL,
	"to_vintage" smallint NOT NULL,
	CONSTRAINT "small_area_changes_old_area_id_new_area_id_pk" PRIMARY KEY("old_area_id","new_area_id")
);
--> statement-breakpoint
ALTER TABLE "area_name_aliases" ADD COLUMN "until_year" smallint;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "vintages" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "small_area_changes" ADD CONSTRAINT "small_area_changes_old_area_id_areas_id_fk" FOREIGN KEY ("old_area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "small_area_changes" ADD CONSTRAINT "small_area_changes_new_area_id_areas_id_fk" FOREIGN KEY ("new_area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "small_area_changes_new_idx" ON "small_area_changes" USING btree ("new_area_id");