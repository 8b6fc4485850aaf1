/** The OpenAPI 3.1 document, generated from the endpoint list and its Zod schemas. */
import { z } from "zod";
import { endpoints } from "./endpoints.ts";
import { errorSchema } from "./schemas.ts";

export const OPENAPI_PATH = "/api/v1/openapi.json";

type JsonSchema = {
  properties?: Record<string, JsonSchema & { description?: string }>;
  required?: string[];
  [key: string]: unknown;
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, location: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input");
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === "path" || (object.required ?? []).includes(name),
      description,
      schema: rest,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const paths: Record<string, unknown> = {};
  for (const endpoint of endpoints) {
    paths[openApiPath(endpoint.path)] = {
      get: {
        summary: endpoint.summary,
        description: endpoint.description,
        operationId: endpoint.path.replace(/^\/api\/v1\//, "").replace(/[/:]+/g, "-"),
        parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
        // Open data needs no token; a token adds what its user may see.
        security: endpoint.usesToken ? [{}, { bearerToken: [] }] : [{}],
        responses: {
          200: {
            description: "OK. JSON by default; CSV when the request says `Accept: text/csv`.",
            content: {
              "application/json": { schema: jsonSchema(endpoint.response, "output") },
              "text/csv": { schema: { type: "string" } },
            },
          },
          400: errorResponse("A query parameter is not valid: `fields` names it."),
          401: errorResponse("The token is missing (for restricted data), not valid, revoked or expired."),
          404: errorResponse("No such area or indicator (or one your token may not see)."),
        },
      },
    };
  }
  paths[OPENAPI_PATH] = {
    get: {
      summary: "This document",
      operationId: "openapi",
      security: [{}],
      responses: {
        200: {
          description: "The OpenAPI 3.1 document",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  };
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Child Poverty Action Hub API",
      version: "1.0.0",
      description:
        "Read-only access to the geography and indicator store. Open data (published official statistics) needs no token; restricted data needs a personal API token. Every value carries its period, source and flags; missing or suppressed values are null, never 0.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token created at /account/api-tokens.",
        },
      },
      schemas: { Error: jsonSchema(errorSchema, "output") },
    },
  };
  return cached;
}
