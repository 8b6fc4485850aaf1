CREATE TABLE "reference_data_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"sha256" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_name_aliases" ADD COLUMN "until_year" smallint;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "vintages" smallint[] DEFAULT '{}'::smallint[] NOT NULL;