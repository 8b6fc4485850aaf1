import { describe, expect, it } from "vitest";
import { type Actor, authorize, can, type PartnershipRole } from "./policy.ts";

const actor = (organisationId: string, role?: PartnershipRole, admin = false): Actor => ({
  userId: "u",
  email: "u@example.org",
  name: "U",
  organisationId,
  isPlatformAdmin: admin,
  coordinatorNations: organisationId === "national" ? ["scotland"] : [],
  partnershipRoles: new Map(role ? [["p1", role]] : []),
});
const target = (leadOrganisationId: string) => ({
  partnershipId: "p1",
  nation: "scotland" as const,
  leadOrganisationId,
});

describe("action:update", () => {
  it("lets leads update every action and editors only those their organisation leads", () => {
    expect(can(actor("council", "lead"), "action:update", target("health"))).toBe(true);
    expect(can(actor("health", "editor"), "action:update", target("health"))).toBe(true);
    expect(can(actor("health", "editor"), "action:update", target("council"))).toBe(false);
    expect(can(actor("health", "viewer"), "action:update", target("health"))).toBe(false);
    expect(can(actor("x", undefined, true), "action:update", target("health"))).toBe(true);
    expect(can(actor("national"), "action:update", target("national"))).toBe(false);
    expect(can(actor("health", "editor"), "action:update", { partnershipId: "p1", nation: "scotland" })).toBe(false);
  });

  it("gives 403 to members who can read, 404 to everyone else", () => {
    expect(() => authorize(actor("health", "editor"), "action:update", target("council"))).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => authorize(actor("health"), "action:update", target("health"))).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
  });
});

describe("consultation:edit-quotes", () => {
  const partnership = { partnershipId: "p1", nation: "scotland" as const };
  it("is editors and leads of the partnership: both rights at once (edit, and read the free text)", () => {
    expect(can(actor("council", "editor"), "consultation:edit-quotes", partnership)).toBe(true);
    expect(can(actor("council", "lead"), "consultation:edit-quotes", partnership)).toBe(true);
    expect(can(actor("council", "viewer"), "consultation:edit-quotes", partnership)).toBe(false);
    // An administrator may edit the partnership but not read its free text; a coordinator reads aggregates only.
    expect(can(actor("x", undefined, true), "consultation:edit-quotes", partnership)).toBe(false);
    expect(can(actor("national"), "consultation:edit-quotes", partnership)).toBe(false);
  });
});
