import { describe, expect, it } from "vitest";
import { areaCodeMatchesNation } from "../../workspace/partnerships/index.ts";
import { isGssCode } from "../../workspace/organisations/index.ts";
import { admin, coordinators, demoPartnerships, nationalOrganisations, partnershipOrganisations } from "./demo-data.ts";

const allOrganisations = [...nationalOrganisations, ...partnershipOrganisations];
const allPeople = [
  admin,
  ...coordinators,
  ...demoPartnerships.flatMap((partnership) => Object.values(partnership.people)),
];

describe("demo data", () => {
  it("labels everything as fictional", () => {
    expect(demoPartnerships.every((partnership) => partnership.name.endsWith("(fictional demo)"))).toBe(true);
    expect(allOrganisations.every((organisation) => organisation.name.endsWith("(demo)"))).toBe(true);
    expect(allPeople.every((person) => person.email.endsWith("@example.org"))).toBe(true);
  });

  it("is internally consistent", () => {
    const names = new Set(allOrganisations.map((organisation) => organisation.name));
    expect(names.size).toBe(allOrganisations.length);
    for (const partnership of demoPartnerships) {
      expect(areaCodeMatchesNation(partnership.areaCode, partnership.nation)).toBe(true);
      for (const member of partnership.members) expect(names).toContain(member.organisation);
    }
    for (const person of allPeople) {
      expect(names).toContain(person.organisation);
      expect(person.password.length).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(allPeople.map((person) => person.email)).size).toBe(allPeople.length);
    for (const organisation of allOrganisations)
      if (organisation.gssCode) expect(isGssCode(organisation.gssCode)).toBe(true);
  });

  it("covers England and Scotland, with NHS Tayside in Dundee", () => {
    expect(new Set(demoPartnerships.map((partnership) => partnership.nation))).toEqual(
      new Set(["england", "scotland", "wales"]),
    );
    const dundee = demoPartnerships.find((partnership) => partnership.areaCode === "S12000042")!;
    expect(dundee.members.map((member) => member.organisation)).toContain("NHS Tayside (demo)");
  });
});
