-- Custom SQL (data-version.ts): the data version changes with every write to the tables that
-- profiles, panels and public pages are built from: the indicator store and the geography,
-- including the small-area best-fit changes between editions. Bookkeeping (import_batches,
-- reference_data_loads) and every other domain's tables are left out: no cached page reads them.
-- Set to the writing transaction's id, once per transaction (later statements match nothing, so
-- no new row version), visible at commit with the data itself; a rolled-back transaction's id is
-- never used again.
INSERT INTO "data_version" ("id", "version") VALUES (1, (floor(random() * 1e12))::bigint) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = pg_current_xact_id()::text::bigint, "changed_at" = now()
  WHERE "id" = 1 AND "version" <> pg_current_xact_id()::text::bigint;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['indicators', 'periods', 'breakdowns', 'observations', 'observation_history', 'peer_ranks', 'indicator_readers',
    'areas', 'area_parents', 'area_code_changes', 'area_boundaries', 'area_name_aliases', 'small_area_changes',
    'area_neighbours', 'comparison_groups', 'comparison_group_members', 'localities', 'locality_areas']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"()',
      name || '_data_version', name);
  END LOOP;
END
$$;
