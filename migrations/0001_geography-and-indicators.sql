CREATE TABLE "area_boundaries" (
	"area_id" integer NOT NULL,
	"layer" text NOT NULL,
	"topology" text NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_boundaries_area_id_layer_pk" PRIMARY KEY("area_id","layer")
);
--> statement-breakpoint
CREATE TABLE "area_code_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"old_code" text NOT NULL,
	"old_name" text NOT NULL,
	"new_code" text,
	"new_name" text,
	"change_type" text NOT NULL,
	"start_year" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_name_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"normalised_name" text NOT NULL,
	"name" text NOT NULL,
	"area_id" integer NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_neighbours" (
	"area_id" integer NOT NULL,
	"neighbour_id" integer NOT NULL,
	"kind" text NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "area_neighbours_area_id_kind_neighbour_id_pk" PRIMARY KEY("area_id","kind","neighbour_id")
);
--> statement-breakpoint
CREATE TABLE "area_parents" (
	"child_id" integer NOT NULL,
	"parent_id" integer NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "area_parents_child_id_relation_parent_id_pk" PRIMARY KEY("child_id","relation","parent_id")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"nation" text,
	"upper_tier" boolean DEFAULT false NOT NULL,
	"lower_tier" boolean DEFAULT false NOT NULL,
	"start_year" smallint,
	"end_year" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comparison_group_members" (
	"group_id" uuid NOT NULL,
	"area_id" integer NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "comparison_group_members_group_id_area_id_pk" PRIMARY KEY("group_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "comparison_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"subject_area_id" integer,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "localities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locality_areas" (
	"locality_id" uuid NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "locality_areas_locality_id_area_id_pk" PRIMARY KEY("locality_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "breakdowns" (
	"id" serial PRIMARY KEY NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"partnership_id" uuid,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"values_written" integer DEFAULT 0 NOT NULL,
	"values_replaced" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"partnership_id" uuid,
	"title" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"publisher" text DEFAULT '' NOT NULL,
	"dataset" text DEFAULT '' NOT NULL,
	"source_url" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT 'Open Government Licence v3.0' NOT NULL,
	"unit" text NOT NULL,
	"rate_per" integer,
	"polarity" text DEFAULT 'neither' NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"disclosure_rule" text DEFAULT 'none' NOT NULL,
	"release_date" date,
	"next_release_date" date,
	"area_types" text[] DEFAULT '{}' NOT NULL,
	"period_codes" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_history" (
	"indicator_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"breakdown_id" integer DEFAULT 0 NOT NULL,
	"area_id" integer NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"ci_lower" double precision,
	"ci_upper" double precision,
	"flags" smallint DEFAULT 0 NOT NULL,
	"batch_id" integer NOT NULL,
	"superseded_by_batch_id" integer NOT NULL,
	"superseded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"indicator_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"breakdown_id" integer DEFAULT 0 NOT NULL,
	"area_id" integer NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"ci_lower" double precision,
	"ci_upper" double precision,
	"flags" smallint DEFAULT 0 NOT NULL,
	"batch_id" integer NOT NULL,
	CONSTRAINT "observations_indicator_id_period_id_breakdown_id_area_id_pk" PRIMARY KEY("indicator_id","period_id","breakdown_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"sort_key" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_boundaries" ADD CONSTRAINT "area_boundaries_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_name_aliases" ADD CONSTRAINT "area_name_aliases_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_neighbours" ADD CONSTRAINT "area_neighbours_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_neighbours" ADD CONSTRAINT "area_neighbours_neighbour_id_areas_id_fk" FOREIGN KEY ("neighbour_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_parents" ADD CONSTRAINT "area_parents_child_id_areas_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_parents" ADD CONSTRAINT "area_parents_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_group_members" ADD CONSTRAINT "comparison_group_members_group_id_comparison_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."comparison_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_group_members" ADD CONSTRAINT "comparison_group_members_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_groups" ADD CONSTRAINT "comparison_groups_subject_area_id_areas_id_fk" FOREIGN KEY ("subject_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_areas" ADD CONSTRAINT "locality_areas_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_areas" ADD CONSTRAINT "locality_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_code_changes_unique" ON "area_code_changes" USING btree ("old_code",coalesce("new_code", ''),"start_year");--> statement-breakpoint
CREATE INDEX "area_code_changes_new_idx" ON "area_code_changes" USING btree ("new_code");--> statement-breakpoint
CREATE UNIQUE INDEX "area_name_aliases_unique" ON "area_name_aliases" USING btree ("normalised_name","area_id");--> statement-breakpoint
CREATE INDEX "area_parents_parent_idx" ON "area_parents" USING btree ("parent_id","relation");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_code_unique" ON "areas" USING btree ("code");--> statement-breakpoint
CREATE INDEX "areas_type_idx" ON "areas" USING btree ("type","nation");--> statement-breakpoint
CREATE INDEX "areas_name_idx" ON "areas" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_groups_name_unique" ON "comparison_groups" USING btree (coalesce("partnership_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "localities_name_unique" ON "localities" USING btree ("partnership_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "breakdowns_unique" ON "breakdowns" USING btree ("dimension","value");--> statement-breakpoint
CREATE INDEX "import_batches_sha_idx" ON "import_batches" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_slug_unique" ON "indicators" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "indicators_partnership_idx" ON "indicators" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "observation_history_key_idx" ON "observation_history" USING btree ("indicator_id","area_id","period_id");--> statement-breakpoint
CREATE INDEX "observations_area_idx" ON "observations" USING btree ("area_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "periods_code_unique" ON "periods" USING btree ("code");--> statement-breakpoint
CREATE INDEX "periods_sort_idx" ON "periods" USING btree ("sort_key");