CREATE TABLE "funding_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_stream_years" (
	"stream_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "funding_stream_years_stream_id_financial_year_pk" PRIMARY KEY("stream_id","financial_year")
);
--> statement-breakpoint
CREATE TABLE "funding_streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source_organisation_id" uuid,
	"external_funder" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"flexibility" text NOT NULL,
	"first_year" text NOT NULL,
	"last_year" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_stream_id_funding_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."funding_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_stream_years" ADD CONSTRAINT "funding_stream_years_stream_id_funding_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."funding_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_stream_years" ADD CONSTRAINT "funding_stream_years_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_streams" ADD CONSTRAINT "funding_streams_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_streams" ADD CONSTRAINT "funding_streams_source_organisation_id_organisations_id_fk" FOREIGN KEY ("source_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_allocations_unique" ON "funding_allocations" USING btree ("stream_id","action_id","financial_year");--> statement-breakpoint
CREATE INDEX "funding_allocations_partnership_idx" ON "funding_allocations" USING btree ("partnership_id","financial_year");--> statement-breakpoint
CREATE INDEX "funding_stream_years_partnership_idx" ON "funding_stream_years" USING btree ("partnership_id","financial_year");--> statement-breakpoint
CREATE INDEX "funding_streams_partnership_idx" ON "funding_streams" USING btree ("partnership_id");