import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { MAX_PAGE_SIZE } from "./schemas.ts";
import { endpoints } from "./endpoints.ts";
import { OPENAPI_PATH, openApiDocument, openApiPath } from "./openapi.ts";

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: { type?: string; enum?: string[]; default?: unknown };
}

/** The docs page lists endpoints and parameters from the OpenAPI document itself. */
function endpointDocs() {
  const paths = (openApiDocument() as { paths: Record<string, { get: { parameters?: Parameter[] } }> }).paths;
  return endpoints.map((endpoint) => ({
    path: openApiPath(endpoint.path),
    id: endpoint.path.replace(/^\/api\/v1\//, "").replace(/[/:]+/g, "-"),
    summary: endpoint.summary,
    description: endpoint.description,
    usesToken: endpoint.usesToken,
    parameters: (paths[openApiPath(endpoint.path)]?.get.parameters ?? []).map((p) => ({
      name: p.name,
      where: p.in,
      required: p.required,
      description: p.description ?? "",
      allowed: p.schema.enum ? p.schema.enum.join(", ") : (p.schema.type ?? "string"),
      default: p.schema.default === undefined ? "" : String(p.schema.default),
    })),
  }));
}

export function registerApiDocsRoutes(app: FastifyInstance, { config }: AppContext): void {
  app.get("/api", async (_request, reply) =>
    reply.view("api/views/docs.njk", {
      title: "API",
      endpoints: endpointDocs(),
      openApiPath: OPENAPI_PATH,
      maxPageSize: MAX_PAGE_SIZE,
      rateLimit: config.apiRateLimitPerMinute.toLocaleString("en-GB"),
    }),
  );
}
