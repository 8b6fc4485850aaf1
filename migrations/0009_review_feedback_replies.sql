ALTER TABLE "review_feedback" ADD COLUMN "reply" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD COLUMN "replied_by_name" text;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD COLUMN "addressed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "review_feedback_year_idx" ON "review_feedback" USING btree ("partnership_id","reporting_year");