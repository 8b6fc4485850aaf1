CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"partnership_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "coordinator_nations" (
	"user_id" uuid NOT NULL,
	"nation" text NOT NULL,
	CONSTRAINT "coordinator_nations_user_id_nation_pk" PRIMARY KEY("user_id","nation")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "partnership_roles" (
	"user_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_roles_user_id_partnership_id_pk" PRIMARY KEY("user_id","partnership_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"password_hash" text,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"arrangement" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"first_row" integer NOT NULL,
	"mapping" jsonb,
	"imported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"indicator_ref" text NOT NULL,
	"label" text NOT NULL,
	"baseline" double precision,
	"baseline_period" text DEFAULT '' NOT NULL,
	"target" double precision,
	"target_date" date
);
--> statement-breakpoint
CREATE TABLE "action_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"done_date" date
);
--> statement-breakpoint
CREATE TABLE "action_partners" (
	"action_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "action_partners_action_id_organisation_id_pk" PRIMARY KEY("action_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "action_priorities" (
	"action_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "action_priorities_action_id_priority_id_pk" PRIMARY KEY("action_id","priority_id")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"start_date" date,
	"end_date" date,
	"drivers" text[] DEFAULT '{}' NOT NULL,
	"family_types" text[] DEFAULT '{}' NOT NULL,
	"income_maximisation" boolean DEFAULT false NOT NULL,
	"protected_characteristics" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_contribution_actions" (
	"contribution_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "budget_contribution_actions_contribution_id_action_id_pk" PRIMARY KEY("contribution_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "budget_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"kind" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"funds" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "partnership_governance" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"authority_type" text,
	"health_boards_expected" integer DEFAULT 1 NOT NULL,
	"reports_to" text DEFAULT '' NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"chair_is_elected_member" boolean DEFAULT false NOT NULL,
	"terms_of_reference" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"strategy_action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"presenter" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid,
	"person_name" text DEFAULT '' NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"start_time" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"minutes" text,
	"minutes_recorded_at" timestamp with time zone,
	"shared_with_national" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"percent_complete" integer NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"spend_to_date_pence" bigint,
	"people_reached" integer,
	"families_reached" integer,
	"evidence_urls" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_by_label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reporting_year" text NOT NULL,
	"report_ref" text,
	"section" text NOT NULL,
	"comment" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"gss_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_members" (
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_members_partnership_id_organisation_id_pk" PRIMARY KEY("partnership_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"nation" text NOT NULL,
	"area_code" text NOT NULL,
	"area_name" text NOT NULL,
	"is_fictional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proofing_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"assessed_on" date NOT NULL,
	"driver_effects" jsonb NOT NULL,
	"family_effects" jsonb NOT NULL,
	"mitigations" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference_id" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "related_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"url" text,
	"relationship" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_choices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"option" text NOT NULL,
	"intended_impact" text DEFAULT '' NOT NULL,
	"chosen" boolean NOT NULL,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"governance" text DEFAULT '' NOT NULL,
	"monitoring_arrangements" text DEFAULT '' NOT NULL,
	"workforce_development" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_sign_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"signed_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordinator_nations" ADD CONSTRAINT "coordinator_nations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_roles" ADD CONSTRAINT "partnership_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_roles" ADD CONSTRAINT "partnership_roles_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_budgets" ADD CONSTRAINT "action_budgets_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_budgets" ADD CONSTRAINT "action_budgets_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_imports" ADD CONSTRAINT "action_imports_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_indicators" ADD CONSTRAINT "action_indicators_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_indicators" ADD CONSTRAINT "action_indicators_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_priorities" ADD CONSTRAINT "action_priorities_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_priorities" ADD CONSTRAINT "action_priorities_priority_id_strategy_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."strategy_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_priorities" ADD CONSTRAINT "action_priorities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contribution_actions" ADD CONSTRAINT "budget_contribution_actions_contribution_id_budget_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."budget_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contribution_actions" ADD CONSTRAINT "budget_contribution_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contribution_actions" ADD CONSTRAINT "budget_contribution_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contributions" ADD CONSTRAINT "budget_contributions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contributions" ADD CONSTRAINT "budget_contributions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "partnership_governance" ADD CONSTRAINT "partnership_governance_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_papers" ADD CONSTRAINT "meeting_papers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_papers" ADD CONSTRAINT "meeting_papers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD CONSTRAINT "review_feedback_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofing_assessments" ADD CONSTRAINT "proofing_assessments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "related_strategies" ADD CONSTRAINT "related_strategies_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "related_strategies" ADD CONSTRAINT "related_strategies_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_choices" ADD CONSTRAINT "strategic_choices_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_choices" ADD CONSTRAINT "strategic_choices_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_priorities" ADD CONSTRAINT "strategy_priorities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_priorities" ADD CONSTRAINT "strategy_priorities_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_sign_offs" ADD CONSTRAINT "strategy_sign_offs_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_sign_offs" ADD CONSTRAINT "strategy_sign_offs_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_partnership_idx" ON "audit_log" USING btree ("partnership_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "login_failures_key_at_idx" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "invitations_user_idx" ON "invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "partnership_roles_partnership_idx" ON "partnership_roles" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "action_budgets_action_idx" ON "action_budgets" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE INDEX "action_indicators_action_idx" ON "action_indicators" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE INDEX "action_milestones_action_idx" ON "action_milestones" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE INDEX "action_priorities_priority_idx" ON "action_priorities" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "actions_partnership_idx" ON "actions" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "actions_lead_idx" ON "actions" USING btree ("partnership_id","lead_organisation_id");--> statement-breakpoint
CREATE INDEX "budget_contribution_actions_action_idx" ON "budget_contribution_actions" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_contributions_unique" ON "budget_contributions" USING btree ("partnership_id","organisation_id","financial_year","kind");--> statement-breakpoint
CREATE INDEX "budget_contributions_partnership_idx" ON "budget_contributions" USING btree ("partnership_id","financial_year");--> statement-breakpoint
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
CREATE INDEX "periods_sort_idx" ON "periods" USING btree ("sort_key");--> statement-breakpoint
CREATE INDEX "meeting_actions_partnership_idx" ON "meeting_actions" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_meeting_idx" ON "meeting_attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_papers_meeting_idx" ON "meeting_papers" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_partnership_date_unique" ON "meetings" USING btree ("partnership_id","meeting_date");--> statement-breakpoint
CREATE INDEX "action_updates_action_idx" ON "action_updates" USING btree ("partnership_id","action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_updates_period_idx" ON "action_updates" USING btree ("partnership_id","period");--> statement-breakpoint
CREATE INDEX "review_feedback_partnership_idx" ON "review_feedback" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_name_unique" ON "organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_name_unique" ON "partnerships" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "proofing_partnership_idx" ON "proofing_assessments" USING btree ("partnership_id","assessed_on");--> statement-breakpoint
CREATE INDEX "evidence_links_subject_idx" ON "evidence_links" USING btree ("partnership_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "evidence_links_reference_idx" ON "evidence_links" USING btree ("partnership_id","kind","reference_id");--> statement-breakpoint
CREATE INDEX "related_strategies_partnership_idx" ON "related_strategies" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "strategic_choices_partnership_idx" ON "strategic_choices" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_partnership_unique" ON "strategies" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "strategy_priorities_partnership_idx" ON "strategy_priorities" USING btree ("partnership_id","position");--> statement-breakpoint
CREATE INDEX "strategy_sign_offs_partnership_idx" ON "strategy_sign_offs" USING btree ("partnership_id");