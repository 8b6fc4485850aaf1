-- Custom SQL (data-version.ts, readDataVersionWith's `content`): a third row of data_version, id 3,
-- the version of what partnerships write about their own work: the needs assessment, strategy,
-- actions and their updates, consultation results, member organisations. Set to the writing
-- transaction's id by statement triggers, as the data (0016) and access (0028) versions are, so a
-- page's view model cached by it (the needs assessment, the monitoring dashboard, the overview) is
-- built afresh on every node after any such edit commits. Only tables written by edits carry it:
-- never the audit log, sessions, rate limits or anything else a read writes, or every request
-- would invalidate every page.
INSERT INTO "data_version" ("id", "version") VALUES (3, (floor(random() * 1e12))::bigint) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = pg_current_xact_id()::text::bigint, "changed_at" = now()
  WHERE "id" = 3 AND "version" <> pg_current_xact_id()::text::bigint;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['needs_assessments', 'needs_section_narratives', 'needs_panels', 'needs_findings',
    'needs_qualitative_evidence', 'needs_services', 'needs_swot_items', 'needs_other_assessments', 'needs_publications',
    'strategies', 'strategy_priorities', 'strategic_choices', 'related_strategies', 'strategy_sign_offs', 'evidence_links',
    'actions', 'action_priorities', 'action_partners', 'action_budgets', 'action_indicators', 'action_milestones',
    'action_updates', 'action_update_versions',
    'engagement_activities', 'engagement_partners', 'engagement_actions', 'engagement_participants', 'surveys',
    'survey_daily_counts', 'consultation_themes', 'consultation_answer_themes', 'consultation_theme_findings',
    'consultation_quotes', 'partnerships', 'partnership_members', 'organisations']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"()',
      name || '_content_version', name);
  END LOOP;
END
$$;
