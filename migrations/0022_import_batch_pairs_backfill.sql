-- Custom SQL: import_batch_pairs moves the data version like the rest of the indicator store
-- (0016_data_version_triggers), and holds the pairs of every batch already under (or once under)
-- an embargo, so their stored peer ranks are not shown before release (peer-ranks.ts). The scan
-- of observations runs only when some batch has a release time.
CREATE TRIGGER "import_batch_pairs_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "import_batch_pairs"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
INSERT INTO "import_batch_pairs" ("batch_id", "indicator_id", "period_id")
SELECT DISTINCT o."batch_id", o."indicator_id", o."period_id" FROM "observations" o
WHERE o."breakdown_id" = 0
  AND o."batch_id" IN (SELECT "id" FROM "import_batches" WHERE "embargo_until" IS NOT NULL)
  AND EXISTS (SELECT 1 FROM "import_batches" WHERE "embargo_until" IS NOT NULL)
ON CONFLICT DO NOTHING;
