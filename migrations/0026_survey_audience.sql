ALTER TABLE "survey_daily_counts" DROP CONSTRAINT "survey_daily_counts_survey_id_day_version_language_source_pk";--> statement-breakpoint
ALTER TABLE "survey_daily_counts" ADD COLUMN "audience" text;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "audience" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "ask_audience" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_daily_counts" ADD CONSTRAINT "survey_daily_counts_key" UNIQUE NULLS NOT DISTINCT("survey_id","day","version","language","source","audience");