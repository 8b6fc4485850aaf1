import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { geographyCoverage } from "./geography-coverage.ts";
import { importPaths as paths } from "./paths.ts";

/** The administrators' geography page: what is loaded, what is missing, what each unlocks. */
export function registerGeographyRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(
    paths.geography.pattern,
    needs(paths.geography, { allow: "admin:manage-geography" }),
    async (_request, reply) =>
      reply.view("imports/views/geography.njk", { title: "Geography", ...(await geographyCoverage(db)) }),
  );
}
