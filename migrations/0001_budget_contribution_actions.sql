CREATE TABLE "budget_contribution_actions" (
	"contribution_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "budget_contribution_actions_contribution_id_action_id_pk" PRIMARY KEY("contribution_id","action_id")
);
--> statement-breakpoint
ALTER TABLE "budget_contribution_actions" ADD CONSTRAINT "budget_contribution_actions_contribution_id_budget_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."budget_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contribution_actions" ADD CONSTRAINT "budget_contribution_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_contribution_actions" ADD CONSTRAINT "budget_contribution_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_contribution_actions_action_idx" ON "budget_contribution_actions" USING btree ("partnership_id","action_id");--> statement-breakpoint
ALTER TABLE "budget_contributions" DROP COLUMN "strategy_action_id";