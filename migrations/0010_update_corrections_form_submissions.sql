CREATE TABLE "action_update_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"update_id" uuid NOT NULL,
	"previous" jsonb NOT NULL,
	"edited_by" uuid,
	"edited_by_label" text DEFAULT '' NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"token" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_submissions_token_actor_key_pk" PRIMARY KEY("token","actor_key")
);
--> statement-breakpoint
ALTER TABLE "action_updates" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_updates" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "action_updates" ADD COLUMN "withdrawn_by_label" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "action_update_versions" ADD CONSTRAINT "action_update_versions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_update_versions" ADD CONSTRAINT "action_update_versions_update_id_action_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."action_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_update_versions_update_idx" ON "action_update_versions" USING btree ("partnership_id","update_id","edited_at");