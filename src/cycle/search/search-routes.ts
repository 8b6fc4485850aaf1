import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { searchPaths as paths } from "./paths.ts";
import { MAX_HITS, PER_KIND, searchPartnership } from "./search-service.ts";

/** Longer than any real search; a pasted document is refused with a message, not searched. */
export const MAX_QUERY_CHARACTERS = 200;

const queryString = z.object({
  // A repeated ?q= arrives as a list: read as one text.
  q: z.preprocess((value) => (Array.isArray(value) ? value.join(" ") : value), z.string().catch("")).default(""),
});

export function registerSearchRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.search.pattern, needs(paths.search, { partnership: "partnership:read" }), async (request, reply) => {
    const { partnership } = request;
    const { q } = queryString.parse(request.query ?? {});
    const view = {
      title: `Search – ${partnership.name}`,
      partnership,
      action: paths.search(partnership.id),
      q,
      perKind: PER_KIND,
      maxHits: MAX_HITS,
    };
    if (q.length > MAX_QUERY_CHARACTERS) {
      const message = `Search text must be ${MAX_QUERY_CHARACTERS} characters or fewer (yours has ${q.length})`;
      return reply.code(400).view("search/views/search.njk", {
        ...view,
        errors: [{ field: "q", message }],
        outcome: { state: "empty" },
      });
    }
    const outcome = await searchPartnership(db, partnership.id, q);
    return reply.view("search/views/search.njk", { ...view, outcome });
  });
}
