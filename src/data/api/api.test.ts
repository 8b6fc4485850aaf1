import { describe, expect, it } from "vitest";
import { type Actor, can } from "../../kernel/auth/policy.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { accessOf } from "../indicators/index.ts";
import { parseQuery, wantsCsv } from "./api-routes.ts";
import { endpoints } from "./endpoints.ts";
import { openApiDocument, openApiPath } from "./openapi.ts";
import { dataQuery } from "./schemas.ts";
import { callerFromBearer, hashToken } from "./token-service.ts";

const P = "6f0e8a3c-0000-4000-8000-000000000001";
const actor = (grants: Partial<Actor> = {}): Actor => ({
  userId: "u",
  email: "a@example.org",
  name: "a",
  organisationId: "o",
  isPlatformAdmin: false,
  coordinatorNations: [],
  partnershipRoles: new Map(),
  ...grants,
});

describe("data:read-restricted", () => {
  it("follows partnership:read for a partnership's own data", () => {
    const target = { partnershipId: P, nation: "england" as const };
    expect(can(actor({ partnershipRoles: new Map([[P, "viewer"]]) }), "data:read-restricted", target)).toBe(true);
    expect(can(actor({ coordinatorNations: ["england"] }), "data:read-restricted", target)).toBe(true);
    expect(can(actor({ coordinatorNations: ["wales"] }), "data:read-restricted", target)).toBe(false);
    expect(can(actor(), "data:read-restricted", target)).toBe(false);
    expect(can(null, "data:read-restricted", target)).toBe(false);
  });
  it("leaves small-count data no partnership owns to administrators", () => {
    expect(can(actor({ isPlatformAdmin: true }), "data:read-restricted")).toBe(true);
    expect(can(actor({ coordinatorNations: ["england"] }), "data:read-restricted")).toBe(false);
  });
});

describe("accessOf", () => {
  it("is open only for unowned indicators with no disclosure rule", () => {
    expect(accessOf({ partnershipId: null, disclosureRule: "none" })).toBe("open");
    expect(accessOf({ partnershipId: null, disclosureRule: "small-count" })).toBe("restricted");
    expect(accessOf({ partnershipId: P, disclosureRule: "none" })).toBe("restricted");
  });
});

describe("parseQuery", () => {
  const fieldsOf = (query: unknown) => {
    try {
      parseQuery(dataQuery, query);
    } catch (error) {
      return (error as AppError).details.fieldErrors?.map((f) => f.field) ?? [];
    }
    return [];
  };
  it("coerces and defaults", () => {
    expect(parseQuery(dataQuery, { pageSize: "20", period: "2021/22" })).toMatchObject({
      pageSize: 20,
      period: "2021/22",
      breakdown: "none",
    });
  });
  it("names every parameter at fault, unknown ones included", () => {
    expect(fieldsOf({ pageSize: "0", areatype: "lsoa", areaType: "village" }).sort()).toEqual([
      "areaType",
      "areatype",
      "pageSize",
    ]);
    expect(fieldsOf({ pageSize: ["1", "2"] })).toEqual(["pageSize"]);
    expect(fieldsOf({ after: "1.2" })).toEqual(["after"]);
  });
});

describe("OpenAPI document", () => {
  const document = openApiDocument() as {
    openapi: string;
    paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean }[] } }>;
  };
  it("has every endpoint with its path and query parameters from the Zod schemas", () => {
    expect(document.openapi).toBe("3.1.0");
    for (const endpoint of endpoints) expect(document.paths[openApiPath(endpoint.path)], endpoint.path).toBeDefined();
    const data = document.paths["/api/v1/indicators/{id}/data"]!.get.parameters;
    expect(data.map((p) => `${p.in}:${p.name}`)).toEqual([
      "path:id",
      "query:areaType",
      "query:parent",
      "query:period",
      "query:breakdown",
      "query:after",
      "query:pageSize",
    ]);
    expect(data.find((p) => p.name === "id")!.required).toBe(true);
    expect(data.find((p) => p.name === "period")!.required).toBe(false);
  });
});

describe("callerFromBearer", () => {
  const noDb = {} as never;
  const load = async () => null;
  it("is anonymous without a header and 401 for a malformed one", async () => {
    expect(await callerFromBearer(noDb, undefined, load)).toBeNull();
    await expect(callerFromBearer(noDb, "Token abc", load)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(callerFromBearer(noDb, "Bearer", load)).rejects.toBeInstanceOf(AppError);
  });
  it("hashes with SHA-256", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("wantsCsv", () => {
  it("follows the Accept header's preference", () => {
    expect(wantsCsv(undefined)).toBe(false);
    expect(wantsCsv("*/*")).toBe(false);
    expect(wantsCsv("text/csv")).toBe(true);
    expect(wantsCsv("text/csv, application/json")).toBe(true);
    expect(wantsCsv("application/json, text/csv")).toBe(false);
    expect(wantsCsv("application/json;q=0.5, text/csv")).toBe(true);
    expect(wantsCsv("text/csv;q=0.1, */*")).toBe(false);
    expect(wantsCsv("text/csv;q=0")).toBe(false);
  });
});
