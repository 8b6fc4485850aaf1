import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { fileSlug } from "../../kernel/http/download.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { versionsNow, visibleIndicators } from "../indicators/index.ts";
import { type AreaOverview, loadAreaOverview } from "./overview-service.ts";
import { OVERVIEW_CSV_HEADER, overviewCsvRows, overviewView } from "./overview-view.ts";
import { analysesPaths } from "./paths.ts";

/** The page's data and its view, built once per data version and set of visible indicators. */
const overviews = createVersionedCache<{ overview: AreaOverview; view: ReturnType<typeof overviewView> }>(200);

/**
 * The profile's rules: whoever may read the partnership; exactly the indicators this reader may
 * see (restricted ones only for their named readers, audited by visibleIndicators); embargoed
 * values left out by every read of the store. The cache key holds the partnership, its area and
 * those indicators' ids, so no reader is ever served a page built for another.
 */
async function overviewFor(db: Executor, request: FastifyRequest) {
  const partnership = request.partnership;
  // With the access version, the owners' nations behind the visible set are read once per pair.
  const { dataVersion: version, accessVersion } = await versionsNow(db);
  const catalogue = await visibleIndicators(db, request.actor, {
    partnershipId: partnership.id,
    dataVersion: version,
    accessVersion,
  });
  const built = await overviews.get(
    db,
    version,
    [partnership.id, partnership.areaCode, ...catalogue.map((row) => row.id)].join("\u0000"),
    async () => {
      const overview = await loadAreaOverview(db, partnership.areaCode, catalogue);
      return { overview, view: overviewView(overview) };
    },
  );
  return { partnership, ...built };
}

export function registerOverviewRoutes(app: FastifyInstance, { db }: AppContext): void {
  const read = { partnership: "partnership:read" } as const;
  app.get(analysesPaths.overview.pattern, needs(analysesPaths.overview, read), async (request, reply) => {
    const { partnership, view } = await overviewFor(db, request);
    return reply.view("analyses/views/overview.njk", {
      title: view.area
        ? `Indicators overview: ${view.area.name} – ${partnership.name}`
        : `Indicators overview – ${partnership.name}`,
      partnership,
      areaCode: partnership.areaCode,
      ...view,
      csvHref: analysesPaths.overviewCsv(partnership.id),
      profileHref: analysesPaths.profile(partnership.id),
      subnav: { partnershipId: partnership.id, partnershipName: partnership.name, current: "overview" },
    });
  });

  app.get(analysesPaths.overviewCsv.pattern, needs(analysesPaths.overviewCsv, read), async (request, reply) => {
    const { partnership, overview } = await overviewFor(db, request);
    const name = overview.area?.name ?? partnership.areaCode;
    return sendCsv(
      reply,
      `${fileSlug(`indicators overview ${name}`)}.csv`,
      OVERVIEW_CSV_HEADER,
      overviewCsvRows(overview),
    );
  });
}
