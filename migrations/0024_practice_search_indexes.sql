DROP INDEX "practice_entries_search_idx";--> statement-breakpoint
CREATE INDEX "practice_entries_nation_status_idx" ON "practice_entries" USING btree ("nation","status");--> statement-breakpoint
CREATE INDEX "practice_entries_search_idx" ON "practice_entries" USING gin ("search") WITH (fastupdate=false);