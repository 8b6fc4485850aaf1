CREATE TABLE "sharing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"party_organisation_ids" jsonb NOT NULL,
	"external_parties" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"special_category" boolean DEFAULT false NOT NULL,
	"article9_condition" text,
	"schedule1_condition" text,
	"data_items" text NOT NULL,
	"level" text NOT NULL,
	"frequency" text NOT NULL,
	"children_data" boolean DEFAULT false NOT NULL,
	"volume" text NOT NULL,
	"onward_sharing" boolean DEFAULT false NOT NULL,
	"security_measures" text DEFAULT '' NOT NULL,
	"dpia_status" text NOT NULL,
	"dpia_reference" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"signatories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risk_level" text NOT NULL,
	"risk_total" integer NOT NULL,
	"risk_reasons" jsonb NOT NULL,
	"risk_rule" text NOT NULL,
	"principles_version" integer NOT NULL,
	"template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_principles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nation" text NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"saved_by" uuid,
	"saved_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nation" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"special_category" boolean DEFAULT false NOT NULL,
	"article9_condition" text,
	"schedule1_condition" text,
	"data_items" text NOT NULL,
	"level" text NOT NULL,
	"frequency" text NOT NULL,
	"children_data" boolean DEFAULT false NOT NULL,
	"volume" text NOT NULL,
	"onward_sharing" boolean DEFAULT false NOT NULL,
	"security_measures" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_template_id_sharing_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."sharing_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_principles" ADD CONSTRAINT "sharing_principles_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sharing_agreements_partnership_idx" ON "sharing_agreements" USING btree ("partnership_id","review_date");--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_principles_version_idx" ON "sharing_principles" USING btree ("nation","version");--> statement-breakpoint
CREATE INDEX "sharing_templates_nation_idx" ON "sharing_templates" USING btree ("nation","title");