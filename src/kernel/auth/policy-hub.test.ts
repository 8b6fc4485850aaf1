import { describe, expect, it } from "vitest";
import { type Actor, authorize, can, coordinatedNations, type Nation, type PartnershipRole } from "./policy.ts";

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: "u",
  email: "u@example.org",
  name: "U",
  organisationId: "body-a",
  isPlatformAdmin: false,
  coordinatorNations: [],
  partnershipRoles: new Map<string, PartnershipRole>(),
  ...overrides,
});
const coordinator = actor({ coordinatorNations: ["scotland"], organisationId: "unit" });
const partnerA = actor({ nationalPartnerNations: ["scotland"], organisationId: "body-a" });
const partnerB = actor({ nationalPartnerNations: ["scotland"], organisationId: "body-b" });
const lead = actor({ partnershipRoles: new Map([["p1", "lead"]]), organisationId: "council" });
const scotland = { nation: "scotland" as Nation };

describe("the national partners' hub", () => {
  it("is read by coordinators and national partners of the nation only", () => {
    expect(can(coordinator, "hub:read", scotland)).toBe(true);
    expect(can(partnerA, "hub:read", scotland)).toBe(true);
    expect(can(partnerA, "hub:read", { nation: "england" })).toBe(false);
    expect(can(lead, "hub:read", scotland)).toBe(false);
    expect(can(actor({ isPlatformAdmin: true }), "hub:read", { nation: "wales" })).toBe(true);
    expect(can(null, "hub:read", scotland)).toBe(false);
    expect(can(partnerA, "hub:read")).toBe(false);
  });

  it("is run by coordinators, never by national partners", () => {
    expect(can(coordinator, "hub:manage", scotland)).toBe(true);
    expect(can(coordinator, "hub:manage", { nation: "england" })).toBe(false);
    expect(can(partnerA, "hub:manage", scotland)).toBe(false);
    expect(() => authorize(partnerA, "hub:manage", scotland)).toThrow(/permission/);
  });

  it("lets a body's people act only for their own body", () => {
    const assignedToA = { nation: "scotland" as Nation, organisationId: "body-a" };
    expect(can(partnerA, "hub:act-for-body", assignedToA)).toBe(true);
    expect(can(partnerB, "hub:act-for-body", assignedToA)).toBe(false);
    expect(can(partnerA, "hub:act-for-body", { nation: "scotland", organisationId: null })).toBe(false);
    expect(can(partnerA, "hub:act-for-body", { nation: "england", organisationId: "body-a" })).toBe(false);
    expect(can(coordinator, "hub:act-for-body", { nation: "scotland", organisationId: null })).toBe(true);
    // A person of body-a without the national partner grant is not acting for it.
    expect(can(actor({ organisationId: "body-a" }), "hub:act-for-body", assignedToA)).toBe(false);
    expect(can(partnerA, "hub:act-for-body", scotland)).toBe(false);
  });

  it("publishes the group's minutes to local leads of the nation", () => {
    const minutes = (published: boolean, leadNations: Nation[]) => ({
      nation: "scotland" as Nation,
      published,
      leadNations,
    });
    expect(can(lead, "hub:read-minutes", minutes(true, ["scotland"]))).toBe(true);
    expect(can(lead, "hub:read-minutes", minutes(false, ["scotland"]))).toBe(false);
    expect(can(lead, "hub:read-minutes", minutes(true, ["england"]))).toBe(false);
    expect(can(partnerB, "hub:read-minutes", minutes(false, []))).toBe(true);
    expect(can(lead, "hub:read-minutes", scotland)).toBe(false);
  });
});

describe("the nations a coordinator reads", () => {
  it("are the coordinator's own, every nation for administrators, none for anyone else", () => {
    expect(coordinatedNations(coordinator)).toEqual(["scotland"]);
    expect(coordinatedNations(actor({ isPlatformAdmin: true }))).toHaveLength(4);
    expect(coordinatedNations(partnerA)).toEqual([]);
    expect(coordinatedNations(null)).toEqual([]);
    expect(can(coordinator, "nation:read-any")).toBe(true);
    expect(can(actor({ isPlatformAdmin: true }), "nation:read-any")).toBe(true);
    expect(can(partnerA, "nation:read-any")).toBe(false);
    expect(can(lead, "nation:read-any")).toBe(false);
  });
});
