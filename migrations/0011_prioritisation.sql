CREATE TABLE "priority_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"scale_min" integer NOT NULL,
	"scale_max" integer NOT NULL,
	"direction" text DEFAULT 'higher' NOT NULL,
	"weight_points" double precision DEFAULT 0 NOT NULL,
	"swing_rank" integer,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"rationale" text NOT NULL,
	"meeting_id" uuid,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"action_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cost_pence" bigint NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"chosen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"budget_pence" bigint NOT NULL,
	"financial_year" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"weight_method" text DEFAULT 'points' NOT NULL,
	"top_k" integer DEFAULT 3 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"option_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scorer_user_id" uuid,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "priority_criteria" ADD CONSTRAINT "priority_criteria_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_criteria" ADD CONSTRAINT "priority_criteria_round_id_priority_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."priority_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_decisions" ADD CONSTRAINT "priority_decisions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_decisions" ADD CONSTRAINT "priority_decisions_round_id_priority_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."priority_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_decisions" ADD CONSTRAINT "priority_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_decisions" ADD CONSTRAINT "priority_decisions_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_options" ADD CONSTRAINT "priority_options_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_options" ADD CONSTRAINT "priority_options_round_id_priority_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."priority_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_options" ADD CONSTRAINT "priority_options_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_options" ADD CONSTRAINT "priority_options_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rounds" ADD CONSTRAINT "priority_rounds_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_round_id_priority_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."priority_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_option_id_priority_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."priority_options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_criterion_id_priority_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."priority_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_scorer_user_id_users_id_fk" FOREIGN KEY ("scorer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "priority_criteria_round_idx" ON "priority_criteria" USING btree ("partnership_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "priority_decisions_round_unique" ON "priority_decisions" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "priority_options_round_idx" ON "priority_options" USING btree ("partnership_id","round_id");--> statement-breakpoint
CREATE INDEX "priority_rounds_partnership_idx" ON "priority_rounds" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "priority_scores_unique" ON "priority_scores" USING btree ("option_id","criterion_id","organisation_id");--> statement-breakpoint
CREATE INDEX "priority_scores_round_idx" ON "priority_scores" USING btree ("partnership_id","round_id");