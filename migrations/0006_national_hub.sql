CREATE TABLE "plan_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_member_id" uuid,
	"support_type" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_activity_requests" (
	"activity_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	CONSTRAINT "plan_activity_requests_activity_id_request_id_pk" PRIMARY KEY("activity_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "plan_activity_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"sequence" integer GENERATED ALWAYS AS IDENTITY (sequence name "plan_activity_updates_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"who_we_are" text DEFAULT '' NOT NULL,
	"what_we_offer" text DEFAULT '' NOT NULL,
	"how_to_engage" text DEFAULT '' NOT NULL,
	"aims" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nation" text NOT NULL,
	"name" text NOT NULL,
	"remit" text DEFAULT '' NOT NULL,
	"meeting_interval_weeks" integer DEFAULT 4 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_practice_citations" (
	"action_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"cited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_practice_citations_action_id_entry_id_pk" PRIMARY KEY("action_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "practice_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"source_url" text DEFAULT '' NOT NULL,
	"evidence_level" integer,
	"cost_band" text DEFAULT 'unknown' NOT NULL,
	"nation" text NOT NULL,
	"drivers" text[] DEFAULT '{}'::text[] NOT NULL,
	"building_blocks" text[] DEFAULT '{}'::text[] NOT NULL,
	"family_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"settings" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'signed-in' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"partnership_id" uuid,
	"source_action_id" uuid,
	"proposed_by" uuid,
	"proposer_name" text,
	"review_note" text,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_offer_providers" (
	"offer_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "support_offer_providers_offer_id_member_id_pk" PRIMARY KEY("offer_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "support_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"support_type" text NOT NULL,
	"description" text NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"capacity" text DEFAULT '' NOT NULL,
	"how_to_request" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_request_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"author_organisation" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status_change" text,
	"is_private" boolean DEFAULT false NOT NULL,
	"sequence" integer GENERATED ALWAYS AS IDENTITY (sequence name "support_request_messages_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"requested_by" uuid,
	"requester_name" text NOT NULL,
	"support_type" text NOT NULL,
	"topic" text NOT NULL,
	"drivers" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgency" text NOT NULL,
	"preferred_member_id" uuid,
	"details" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assigned_organisation_id" uuid,
	"decline_reason" text,
	"merged_into_id" uuid,
	"due_by" date NOT NULL,
	"triaged_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" integer,
	"feedback" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_partners" (
	"user_id" uuid NOT NULL,
	"nation" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "national_partners_user_id_nation_pk" PRIMARY KEY("user_id","nation")
);
--> statement-breakpoint
ALTER TABLE "meeting_actions" ALTER COLUMN "partnership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ALTER COLUMN "partnership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ALTER COLUMN "partnership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ALTER COLUMN "partnership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_papers" ALTER COLUMN "partnership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "partnership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_papers" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_group_id_national_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."national_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_lead_member_id_national_group_members_id_fk" FOREIGN KEY ("lead_member_id") REFERENCES "public"."national_group_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity_requests" ADD CONSTRAINT "plan_activity_requests_activity_id_plan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."plan_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity_requests" ADD CONSTRAINT "plan_activity_requests_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity_updates" ADD CONSTRAINT "plan_activity_updates_activity_id_plan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."plan_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_group_members" ADD CONSTRAINT "national_group_members_group_id_national_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."national_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_group_members" ADD CONSTRAINT "national_group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_practice_citations" ADD CONSTRAINT "action_practice_citations_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_practice_citations" ADD CONSTRAINT "action_practice_citations_entry_id_practice_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."practice_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_practice_citations" ADD CONSTRAINT "action_practice_citations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_entry_id_practice_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."practice_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_source_action_id_actions_id_fk" FOREIGN KEY ("source_action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_providers" ADD CONSTRAINT "support_offer_providers_offer_id_support_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."support_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_providers" ADD CONSTRAINT "support_offer_providers_member_id_national_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."national_group_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offers" ADD CONSTRAINT "support_offers_group_id_national_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."national_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_messages" ADD CONSTRAINT "support_request_messages_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_group_id_national_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."national_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_preferred_member_id_national_group_members_id_fk" FOREIGN KEY ("preferred_member_id") REFERENCES "public"."national_group_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_assigned_organisation_id_organisations_id_fk" FOREIGN KEY ("assigned_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_partners" ADD CONSTRAINT "national_partners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_partners" ADD CONSTRAINT "national_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_activities_group_idx" ON "plan_activities" USING btree ("group_id","status");--> statement-breakpoint
CREATE INDEX "plan_activity_requests_request_idx" ON "plan_activity_requests" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "plan_activity_updates_activity_idx" ON "plan_activity_updates" USING btree ("activity_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "national_group_members_unique" ON "national_group_members" USING btree ("group_id","organisation_id");--> statement-breakpoint
CREATE INDEX "national_group_members_organisation_idx" ON "national_group_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "national_groups_nation_unique" ON "national_groups" USING btree ("nation");--> statement-breakpoint
CREATE INDEX "action_practice_citations_entry_idx" ON "action_practice_citations" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "action_practice_citations_partnership_idx" ON "action_practice_citations" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "practice_attachments_entry_idx" ON "practice_attachments" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "practice_entries_search_idx" ON "practice_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "practice_entries_status_idx" ON "practice_entries" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "practice_entries_partnership_idx" ON "practice_entries" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "support_offer_providers_member_idx" ON "support_offer_providers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "support_offers_group_idx" ON "support_offers" USING btree ("group_id","support_type");--> statement-breakpoint
CREATE INDEX "support_request_messages_request_idx" ON "support_request_messages" USING btree ("request_id","sequence");--> statement-breakpoint
CREATE INDEX "support_requests_group_idx" ON "support_requests" USING btree ("group_id","status");--> statement-breakpoint
CREATE INDEX "support_requests_partnership_idx" ON "support_requests" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "support_requests_assigned_idx" ON "support_requests" USING btree ("assigned_organisation_id");--> statement-breakpoint
CREATE INDEX "national_partners_organisation_idx" ON "national_partners" USING btree ("organisation_id","nation");--> statement-breakpoint
CREATE INDEX "meeting_actions_group_idx" ON "meeting_actions" USING btree ("group_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_group_date_unique" ON "meetings" USING btree ("group_id","meeting_date");--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_one_owner" CHECK (num_nonnulls(partnership_id, group_id) = 1);--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_one_owner" CHECK (num_nonnulls(partnership_id, group_id) = 1);--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_one_owner" CHECK (num_nonnulls(partnership_id, group_id) = 1);--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_one_owner" CHECK (num_nonnulls(partnership_id, group_id) = 1);--> statement-breakpoint
ALTER TABLE "meeting_papers" ADD CONSTRAINT "meeting_papers_one_owner" CHECK (num_nonnulls(partnership_id, group_id) = 1);--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_one_owner" CHECK (num_nonnulls(partnership_id, group_id) = 1);