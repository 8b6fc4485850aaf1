import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { nations } from "../../src/kernel/auth/policy.ts";
import { path, serialId } from "../../src/kernel/http/paths.ts";
import { found, may, needs, recordNeed } from "../../src/kernel/http/pipeline.ts";
import { actor, partnership, type StubApp, stubApp } from "../helpers/stub-app.ts";

// The request pipeline on the kernel's server alone: no database, partnerships from a list.
const north = partnership("North Partnership", "england");
const south = partnership("South Partnership", "scotland");
const things = new Map<string, { partnershipId: string; title: string }>([
  [randomUUID(), { partnershipId: north.id, title: "A thing of North" }],
]);
const [thingId] = [...things.keys()];

const paths = {
  overview: path("/partnerships/:id"),
  thing: path("/partnerships/:id/things/:thingId"),
  admin: path("/admin/things"),
  nation: path("/nations/:nation", { nation: z.enum(nations) }),
  open: path("/open/:slug", { slug: z.string().regex(/^[a-z-]+$/) }),
  careless: path("/careless"),
  record: path("/records/:serial", { serial: serialId }),
};

// Records whose rights depend on the record: a national one (administrators), or a partnership's own.
const records = new Map<number, { title: string; partnershipId: string | null }>([
  [1, { title: "National record", partnershipId: null }],
  [2, { title: "North's record", partnershipId: north.id }],
]);
const editable = recordNeed({
  load: async ({ serial }: { serial: number }) => records.get(serial),
  rule: (record: { partnershipId: string | null }) =>
    record.partnershipId
      ? { partnership: "partnership:edit", of: record.partnershipId }
      : { allow: "admin:manage-organisations" },
});

let t: StubApp;
beforeAll(async () => {
  t = await stubApp({
    partnerships: [north, south],
    actors: {
      viewer: actor("viewer", { roles: [[north.id, "viewer"]] }),
      lead: actor("lead", { roles: [[north.id, "lead"]] }),
      southLead: actor("south", { roles: [[south.id, "lead"]] }),
      coordinator: actor("coordinator", { nations: ["england"] }),
      admin: actor("admin", { admin: true }),
    },
    register: (app) => {
      app.get(paths.overview.pattern, needs(paths.overview, { partnership: "partnership:read" }), async (request) => ({
        name: request.partnership.name,
        canManage: may(request, "partnership:manage"),
      }));
      app.get(paths.thing.pattern, needs(paths.thing, { partnership: "partnership:read" }), async (request) => {
        const thing = found(things.get(request.params.thingId));
        return { title: found(thing.partnershipId === request.partnership.id ? thing : null).title };
      });
      app.post(paths.thing.pattern, needs(paths.thing, { partnership: "partnership:manage" }), async () => ({
        done: 1,
      }));
      app.get(paths.admin.pattern, needs(paths.admin, { allow: "admin:manage-users" }), async () => ({ admin: true }));
      app.get(paths.nation.pattern, needs(paths.nation, { nation: "nation:read" }), async (request) => ({
        nation: request.params.nation,
      }));
      app.get(paths.open.pattern, needs(paths.open, { public: true }), async (request) => ({
        slug: request.params.slug,
      }));
      app.get(paths.record.pattern, needs(paths.record, { record: editable }), async (request) => ({
        title: editable.of(request).title,
        serial: request.params.serial,
      }));
      // A route that forgot its need: reading request.partnership is a programming error, not data.
      app.get(paths.careless.pattern, async (request) => ({ name: request.partnership.name }));
    },
  });
});
afterAll(() => t.close());

describe("path builders", () => {
  it("build URLs from the pattern, in its order, encoding each value", () => {
    expect(paths.thing("a", "b/c")).toBe("/partnerships/a/things/b%2Fc");
    expect(paths.thing.pattern).toBe("/partnerships/:id/things/:thingId");
    expect(paths.thing.names).toEqual(["id", "thingId"]);
    expect(paths.thing.from({ id: "a", thingId: "b" })).toBe("/partnerships/a/things/b");
    expect(paths.admin()).toBe("/admin/things");
  });

  it("parse parameters: UUIDs unless a schema says otherwise; anything else is a 404", () => {
    expect(paths.thing.parse({ id: north.id, thingId: thingId })).toEqual({ id: north.id, thingId });
    expect(() => paths.thing.parse({ id: "1", thingId })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(paths.nation.parse({ nation: "wales" })).toEqual({ nation: "wales" });
    expect(() => paths.nation.parse({ nation: "mars" })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});

describe("needs(path, { partnership })", () => {
  it("loads the partnership for its members and national coordinators", async () => {
    const viewer = await t.client("viewer").get(`/partnerships/${north.id}`);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json()).toEqual({ name: "North Partnership", canManage: false });
    expect((await t.client("lead").get(`/partnerships/${north.id}`)).json()).toEqual({
      name: "North Partnership",
      canManage: true,
    });
    expect((await t.client("coordinator").get(`/partnerships/${north.id}`)).statusCode).toBe(200);
    expect((await t.client("coordinator").get(`/partnerships/${south.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for a malformed or unknown id and for another partnership's, before anything else", async () => {
    const lead = t.client("lead");
    for (const url of [
      "/partnerships/not-a-uuid",
      `/partnerships/${randomUUID()}`,
      `/partnerships/${south.id}`,
      `/partnerships/${north.id}/things/nope`,
      `/partnerships/${north.id}/things/${randomUUID()}`,
    ]) {
      const response = await lead.get(url);
      expect(response.statusCode, url).toBe(404);
    }
    // A record of North asked for under South's id is not found either.
    expect((await t.client("southLead").get(`/partnerships/${south.id}/things/${thingId}`)).statusCode).toBe(404);
    expect((await lead.get(`/partnerships/${north.id}/things/${thingId}`)).json()).toEqual({
      title: "A thing of North",
    });
  });

  it("sends the signed-out to sign in, and refuses a viewer a lead's action with 403", async () => {
    const anonymous = await t.client().get(`/partnerships/${north.id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(`/partnerships/${north.id}`)}`);
    const refused = await t.client("viewer").post(`/partnerships/${north.id}/things/${thingId}`);
    expect(refused.statusCode).toBe(403);
    expect((await t.client("lead").post(`/partnerships/${north.id}/things/${thingId}`)).statusCode).toBe(200);
  });

  it("still checks CSRF first: a post without the token is refused whoever sends it", async () => {
    const response = await t.client("lead").post(`/partnerships/${north.id}/things/${thingId}`, {}, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("did not come from this service");
  });
});

describe("the other needs", () => {
  it("allow: an action without a record", async () => {
    expect((await t.client("admin").get("/admin/things")).statusCode).toBe(200);
    expect((await t.client("lead").get("/admin/things")).statusCode).toBe(403);
    expect((await t.client().get("/admin/things")).statusCode).toBe(303);
  });

  it("nation: the nation in the path, unknown ones not found", async () => {
    expect((await t.client("coordinator").get("/nations/england")).json()).toEqual({ nation: "england" });
    expect((await t.client("coordinator").get("/nations/wales")).statusCode).toBe(403);
    expect((await t.client("coordinator").get("/nations/atlantis")).statusCode).toBe(404);
  });

  it("public: parameters are still checked", async () => {
    expect((await t.client().get("/open/fine-slug")).json()).toEqual({ slug: "fine-slug" });
    expect((await t.client().get("/open/Bad_Slug")).statusCode).toBe(404);
  });

  it("record: loaded by its typed parameter (404 if none), then the rights it names (403, 404 to outsiders)", async () => {
    expect((await t.client("admin").get("/records/1")).json()).toEqual({ title: "National record", serial: 1 });
    expect((await t.client("lead").get("/records/1")).statusCode).toBe(403);
    expect((await t.client("lead").get("/records/2")).json()).toEqual({ title: "North's record", serial: 2 });
    expect((await t.client("viewer").get("/records/2")).statusCode).toBe(403);
    // Someone who may not even read the owning partnership is not told the record exists.
    expect((await t.client("southLead").get("/records/2")).statusCode).toBe(404);
    for (const url of ["/records/3", "/records/0", "/records/x", "/records/99999999999"]) {
      expect((await t.client("admin").get(url)).statusCode, url).toBe(404);
    }
    expect((await t.client().get("/records/1")).statusCode).toBe(303);
  });

  it("a route without the partnership need cannot read one: a 500, never another partnership", async () => {
    expect((await t.client("lead").get("/careless")).statusCode).toBe(500);
  });
});
