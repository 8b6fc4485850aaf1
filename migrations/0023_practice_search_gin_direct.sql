DROP INDEX "practice_entries_search_idx";--> statement-breakpoint
CREATE INDEX "practice_entries_search_idx" ON "practice_entries" USING gin ("search") WITH (fastupdate=false);