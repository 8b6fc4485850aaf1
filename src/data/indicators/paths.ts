import { z } from "zod";
import { path, serialId } from "../../kernel/http/paths.ts";

/** An indicator's slug in a path: anything else cannot name one, so it is a 404. */
export const indicatorSlug = z.string().regex(/^[a-z0-9-]{1,80}$/);

/** The national indicator catalogue (administrators) and the edit page of one indicator. */
export const cataloguePaths = {
  list: path("/data/indicators"),
  indicator: path("/data/indicators/:slug", { slug: indicatorSlug }),
};

/** Who may read an indicator, and when a batch of values is released (access-routes.ts). */
export const accessPaths = {
  list: path("/partnerships/:id/data/access"),
  indicator: path("/partnerships/:id/data/access/indicators/:slug", { slug: indicatorSlug }),
  batch: path("/partnerships/:id/data/access/batches/:batchId", { batchId: serialId }),
  national: path("/data/indicators/:slug/access", { slug: indicatorSlug }),
};
