/**
 * Every /api/v1 endpoint, declared once: the routes are registered from this list and the
 * OpenAPI document is generated from it, so neither can list what the other lacks.
 */
import type { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { ReadVersions } from "../indicators/index.ts";
import { areaProfile, getArea, getIndicator, indicatorData, listAreas, listIndicatorsFor } from "./api-service.ts";
import {
  areaDetailSchema,
  areasPageSchema,
  areasQuery,
  codeParams,
  dataPageSchema,
  dataQuery,
  indicatorListSchema,
  indicatorParams,
  indicatorSchema,
  noQuery,
  profileSchema,
} from "./schemas.ts";
import { areaCsv, areasCsv, dataCsv, indicatorsCsv, profileCsv, type CsvTable } from "./csv.ts";

export interface Endpoint {
  path: string;
  summary: string;
  description: string;
  params?: z.ZodObject;
  query: z.ZodObject;
  response: z.ZodType;
  /** True where restricted data may appear (the token decides what is shown). */
  usesToken: boolean;
  handle(input: {
    db: Executor;
    actor: Actor | null;
    /** Read with the caller's token (none signed out): the data version its cached reads are keyed by. */
    versions?: ReadVersions | undefined;
    params: Record<string, string>;
    query: Record<string, unknown>;
  }): Promise<unknown>;
  csv(body: never): CsvTable;
}

function endpoint<P extends z.ZodObject | undefined, Q extends z.ZodObject, R>(definition: {
  path: string;
  summary: string;
  description: string;
  params?: P;
  query: Q;
  response: z.ZodType;
  usesToken: boolean;
  handle(input: {
    db: Executor;
    actor: Actor | null;
    versions?: ReadVersions | undefined;
    params: P extends z.ZodObject ? z.output<P> : Record<string, never>;
    query: z.output<Q>;
  }): Promise<R>;
  csv(body: R): CsvTable;
}): Endpoint {
  return definition as unknown as Endpoint;
}

export const endpoints: Endpoint[] = [
  endpoint({
    path: "/api/v1/areas",
    summary: "List areas",
    description: "Areas by GSS code, filtered by type, nation or parent area, 100 a page by default, ordered by code.",
    query: areasQuery,
    response: areasPageSchema,
    usesToken: false,
    handle: ({ db, query }) => listAreas(db, query),
    csv: (body) => areasCsv(body.data),
  }),
  endpoint({
    path: "/api/v1/areas/:code",
    summary: "One area",
    description: "An area with its type, nation, validity years and parent areas.",
    params: codeParams,
    query: noQuery,
    response: areaDetailSchema,
    usesToken: false,
    handle: ({ db, params }) => getArea(db, params.code),
    csv: (body) => areaCsv(body),
  }),
  endpoint({
    path: "/api/v1/areas/:code/profile",
    summary: "Area profile",
    description:
      "What the area profile page shows, per indicator: every period's value, the latest value, trend, rank among areas of the same type in the nation, comparison with region and nation, and the benchmark.",
    params: codeParams,
    query: noQuery,
    response: profileSchema,
    usesToken: true,
    handle: ({ db, actor, versions, params }) => areaProfile(db, actor, params.code, versions),
    csv: (body) => profileCsv(body.value()),
  }),
  endpoint({
    path: "/api/v1/indicators",
    summary: "Indicator catalogue",
    description:
      "Every indicator you may read: open data for everyone, restricted indicators too when your token allows.",
    query: noQuery,
    response: indicatorListSchema,
    usesToken: true,
    handle: ({ db, actor }) => listIndicatorsFor(db, actor),
    csv: (body) => indicatorsCsv(body.data),
  }),
  endpoint({
    path: "/api/v1/indicators/:id",
    summary: "One indicator",
    description:
      "An indicator's catalogue entry: definition, unit, polarity, source, licence, disclosure rule, area types and periods.",
    params: indicatorParams,
    query: noQuery,
    response: indicatorSchema,
    usesToken: true,
    handle: ({ db, actor, params }) => getIndicator(db, actor, params.id),
    csv: (body) => indicatorsCsv([body]),
  }),
  endpoint({
    path: "/api/v1/indicators/:id/data",
    summary: "Indicator values",
    description:
      "An indicator's values by area and period, filtered by area type, parent area and period; 100 a page by default.",
    params: indicatorParams,
    query: dataQuery,
    response: dataPageSchema,
    usesToken: true,
    handle: ({ db, actor, params, query }) => indicatorData(db, actor, params.id, query),
    csv: (body) => dataCsv(body),
  }),
];
