-- Custom SQL (data-version.ts, readAccessVersion): a second row of data_version, id 2, the version
-- of who may do what: a person's record, their grants, partnerships' nations and API tokens. It is
-- set to the writing transaction's id by statement triggers, as the data version is (0016), so a
-- caller cached by an API token (data/api/token-cache.ts) is read afresh on every node on the
-- first request after a token is revoked, a role or membership changes or a person is disabled.
-- Only the columns a caller is made of move it: a sign-in's last_sign_in_at or a token's
-- last_used_at does not.
INSERT INTO "data_version" ("id", "version") VALUES (2, (floor(random() * 1e12))::bigint) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_access_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = pg_current_xact_id()::text::bigint, "changed_at" = now()
  WHERE "id" = 2 AND "version" <> pg_current_xact_id()::text::bigint;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_access_version" AFTER UPDATE OF "email", "name", "organisation_id", "is_platform_admin", "status" OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
--> statement-breakpoint
CREATE TRIGGER "partnership_roles_access_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partnership_roles" FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
--> statement-breakpoint
CREATE TRIGGER "coordinator_nations_access_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "coordinator_nations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
--> statement-breakpoint
CREATE TRIGGER "national_partners_access_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "national_partners" FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
--> statement-breakpoint
CREATE TRIGGER "partnerships_access_version" AFTER UPDATE OF "nation" OR DELETE OR TRUNCATE ON "partnerships" FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_access_version" AFTER UPDATE OF "user_id", "token_hash", "expires_at", "revoked_at" OR DELETE OR TRUNCATE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
