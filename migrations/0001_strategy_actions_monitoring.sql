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
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "action_budgets_action_idx" ON "action_budgets" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE INDEX "action_indicators_action_idx" ON "action_indicators" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE INDEX "action_milestones_action_idx" ON "action_milestones" USING btree ("partnership_id","action_id");--> statement-breakpoint
CREATE INDEX "action_priorities_priority_idx" ON "action_priorities" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "actions_partnership_idx" ON "actions" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "actions_lead_idx" ON "actions" USING btree ("partnership_id","lead_organisation_id");--> statement-breakpoint
CREATE INDEX "action_updates_action_idx" ON "action_updates" USING btree ("partnership_id","action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_updates_period_idx" ON "action_updates" USING btree ("partnership_id","period");--> statement-breakpoint
CREATE INDEX "proofing_partnership_idx" ON "proofing_assessments" USING btree ("partnership_id","assessed_on");--> statement-breakpoint
CREATE INDEX "evidence_links_subject_idx" ON "evidence_links" USING btree ("partnership_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "evidence_links_reference_idx" ON "evidence_links" USING btree ("partnership_id","kind","reference_id");--> statement-breakpoint
CREATE INDEX "related_strategies_partnership_idx" ON "related_strategies" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "strategic_choices_partnership_idx" ON "strategic_choices" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_partnership_unique" ON "strategies" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "strategy_priorities_partnership_idx" ON "strategy_priorities" USING btree ("partnership_id","position");--> statement-breakpoint
CREATE INDEX "strategy_sign_offs_partnership_idx" ON "strategy_sign_offs" USING btree ("partnership_id");