CREATE TABLE "area_series" (
	"area_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"latest_period_id" integer,
	"period_ids" integer[] NOT NULL,
	"points" json[] NOT NULL,
	"batch_ids" integer[] NOT NULL,
	"series" json NOT NULL,
	CONSTRAINT "area_series_area_id_indicator_id_pk" PRIMARY KEY("area_id","indicator_id")
);
--> statement-breakpoint
CREATE INDEX "area_series_indicator_idx" ON "area_series" USING btree ("indicator_id");
--> statement-breakpoint
-- Custom SQL (issue 17): the read layout moves the data version like the rest of the indicator
-- store (0016_data_version_triggers); it is only written with the values, whose writes move it too.
CREATE TRIGGER "area_series_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "area_series"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
-- Fill the profile's read layout from the values already stored, as refreshAreaSeries
-- (src/data/indicators/area-series.ts) rebuilds it for every indicator an import writes; the type
-- list is RANKED_AREA_TYPES (peer-ranks.ts). Without it, a store's first import after this
-- migration would leave its profiles showing only the indicators that import wrote.
INSERT INTO "area_series" ("area_id", "indicator_id", "latest_period_id", "period_ids", "points", "batch_ids", "series")
SELECT a.id, i.id, x.latest, x.periods, x.points, x.batches, x.series
FROM "indicators" i
CROSS JOIN (SELECT id FROM "areas" WHERE type IN ('nation', 'region', 'county', 'metropolitan-county', 'combined-authority', 'local-authority', 'health-board')) a
CROSS JOIN LATERAL (
  SELECT (array_agg(o.period_id ORDER BY p.sort_key DESC, o.period_id DESC) FILTER (WHERE o.breakdown_id = 0 AND o.value IS NOT NULL))[1] AS latest,
    coalesce(array_agg(o.period_id ORDER BY p.sort_key, o.period_id) FILTER (WHERE o.breakdown_id = 0), '{}') AS periods,
    coalesce(array_agg(json_build_array(o.period_id, o.breakdown_id, o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper, o.flags, o.batch_id)
      ORDER BY p.sort_key, o.period_id) FILTER (WHERE o.breakdown_id = 0), '{}') AS points,
    array_agg(DISTINCT o.batch_id) AS batches,
    json_agg(json_build_array(o.period_id, o.breakdown_id, o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper, o.flags, o.batch_id)
      ORDER BY o.breakdown_id, p.sort_key, o.period_id) AS series
  FROM "observations" o JOIN "periods" p ON p.id = o.period_id
  WHERE o.area_id = a.id AND o.indicator_id = i.id
  HAVING count(*) > 0
) x;
