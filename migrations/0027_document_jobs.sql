CREATE TABLE "document_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"content_key" text NOT NULL,
	"file_name" text NOT NULL,
	"title" text NOT NULL,
	"document" jsonb NOT NULL,
	"node_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"pdf" "bytea",
	"error_message" text
);
--> statement-breakpoint
CREATE INDEX "document_jobs_content_key_idx" ON "document_jobs" USING btree ("content_key");--> statement-breakpoint
CREATE INDEX "document_jobs_created_idx" ON "document_jobs" USING btree ("created_at");