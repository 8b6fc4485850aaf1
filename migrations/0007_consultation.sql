CREATE TABLE "consultation_answer_themes" (
	"answer_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "consultation_answer_themes_answer_id_theme_id_pk" PRIMARY KEY("answer_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"theme_id" uuid,
	"answer_id" uuid,
	"text" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"personal_data_confirmed" boolean DEFAULT false NOT NULL,
	"proposed_by" uuid,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"other_mentions" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_actions" (
	"activity_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	CONSTRAINT "engagement_actions_activity_id_action_id_pk" PRIMARY KEY("activity_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"informs" text[] DEFAULT '{}' NOT NULL,
	"report_year" text,
	"audiences" text[] DEFAULT '{}' NOT NULL,
	"methods" text[] DEFAULT '{}' NOT NULL,
	"method_other" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"feedback_by" date,
	"lead_organisation_id" uuid,
	"accessibility" text DEFAULT '' NOT NULL,
	"safeguarding" text DEFAULT '' NOT NULL,
	"cost_pence" bigint,
	"status" text DEFAULT 'planned' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"we_did" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
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
CREATE TABLE "engagement_participants" (
	"activity_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "engagement_participants_activity_id_audience_pk" PRIMARY KEY("activity_id","audience")
);
--> statement-breakpoint
CREATE TABLE "engagement_partners" (
	"activity_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "engagement_partners_activity_id_organisation_id_pk" PRIMARY KEY("activity_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "survey_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"contact" text NOT NULL,
	"consent_text" text NOT NULL,
	"given_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_daily_counts" (
	"survey_id" uuid NOT NULL,
	"day" date NOT NULL,
	"version" text NOT NULL,
	"language" text NOT NULL,
	"source" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_daily_counts_survey_id_day_version_language_source_pk" PRIMARY KEY("survey_id","day","version","language","source")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"page" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"wording" jsonb NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"version" text NOT NULL,
	"language" text NOT NULL,
	"source" text NOT NULL,
	"submitted_on" date NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_tallies" (
	"survey_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"version" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_tallies_question_id_version_value_pk" PRIMARY KEY("question_id","version","value")
);
--> statement-breakpoint
CREATE TABLE "survey_text_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"text" text,
	"version" text NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"welsh" boolean DEFAULT false NOT NULL,
	"offer_contact" boolean DEFAULT false NOT NULL,
	"burst_limit" integer DEFAULT 30 NOT NULL,
	"retain_until" date NOT NULL,
	"purged_at" timestamp with time zone,
	"intro" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"local_help" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_theme_findings" (
	"theme_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "consultation_theme_findings_theme_id_finding_id_pk" PRIMARY KEY("theme_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" text NOT NULL,
	"language" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"contact" jsonb,
	"preview" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_throttle" (
	"survey_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"address_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_throttle_survey_id_kind_address_hash_window_start_pk" PRIMARY KEY("survey_id","kind","address_hash","window_start")
);
--> statement-breakpoint
CREATE TABLE "survey_throttle_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_answer_themes" ADD CONSTRAINT "consultation_answer_themes_answer_id_survey_text_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."survey_text_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer_themes" ADD CONSTRAINT "consultation_answer_themes_theme_id_consultation_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."consultation_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer_themes" ADD CONSTRAINT "consultation_answer_themes_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer_themes" ADD CONSTRAINT "consultation_answer_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_quotes" ADD CONSTRAINT "consultation_quotes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_quotes" ADD CONSTRAINT "consultation_quotes_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_quotes" ADD CONSTRAINT "consultation_quotes_theme_id_consultation_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."consultation_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_quotes" ADD CONSTRAINT "consultation_quotes_answer_id_survey_text_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."survey_text_answers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_themes" ADD CONSTRAINT "consultation_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_themes" ADD CONSTRAINT "consultation_themes_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_actions" ADD CONSTRAINT "engagement_actions_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_actions" ADD CONSTRAINT "engagement_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_actions" ADD CONSTRAINT "engagement_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_activities" ADD CONSTRAINT "engagement_activities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_activities" ADD CONSTRAINT "engagement_activities_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_files" ADD CONSTRAINT "engagement_files_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_files" ADD CONSTRAINT "engagement_files_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_partners" ADD CONSTRAINT "engagement_partners_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_partners" ADD CONSTRAINT "engagement_partners_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_partners" ADD CONSTRAINT "engagement_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_contacts" ADD CONSTRAINT "survey_contacts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_contacts" ADD CONSTRAINT "survey_contacts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_daily_counts" ADD CONSTRAINT "survey_daily_counts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_text_answers" ADD CONSTRAINT "survey_text_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_text_answers" ADD CONSTRAINT "survey_text_answers_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_text_answers" ADD CONSTRAINT "survey_text_answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_text_answers" ADD CONSTRAINT "survey_text_answers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_activity_id_engagement_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."engagement_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_theme_findings" ADD CONSTRAINT "consultation_theme_findings_theme_id_consultation_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."consultation_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_theme_findings" ADD CONSTRAINT "consultation_theme_findings_finding_id_needs_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."needs_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_theme_findings" ADD CONSTRAINT "consultation_theme_findings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_throttle" ADD CONSTRAINT "survey_throttle_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_answer_themes_theme_idx" ON "consultation_answer_themes" USING btree ("theme_id","response_id");--> statement-breakpoint
CREATE INDEX "consultation_quotes_activity_idx" ON "consultation_quotes" USING btree ("activity_id","status");--> statement-breakpoint
CREATE INDEX "consultation_themes_activity_idx" ON "consultation_themes" USING btree ("activity_id","position");--> statement-breakpoint
CREATE INDEX "engagement_activities_partnership_idx" ON "engagement_activities" USING btree ("partnership_id","starts_on");--> statement-breakpoint
CREATE INDEX "engagement_files_activity_idx" ON "engagement_files" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "survey_contacts_survey_idx" ON "survey_contacts" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_code_unique" ON "survey_questions" USING btree ("survey_id","code");--> statement-breakpoint
CREATE INDEX "survey_questions_survey_idx" ON "survey_questions" USING btree ("survey_id","position");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","submitted_on");--> statement-breakpoint
CREATE INDEX "survey_text_answers_question_idx" ON "survey_text_answers" USING btree ("question_id","submitted_on","id");--> statement-breakpoint
CREATE INDEX "survey_text_answers_response_idx" ON "survey_text_answers" USING btree ("response_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_activity_unique" ON "surveys" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "survey_drafts_expiry_idx" ON "survey_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "survey_throttle_window_idx" ON "survey_throttle" USING btree ("window_start");