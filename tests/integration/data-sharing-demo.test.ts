import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import {
  seedSharingAgreementsDemo,
  seedSharingNationalDemo,
  sharingAgreements,
  sharingPrinciples,
  sharingTemplates,
} from "../../src/data/sharing/index.ts";
import type { AuditContext } from "../../src/kernel/audit/audit.ts";
import { addMember } from "../helpers/partnership-fixtures.ts";
import { appTest as test } from "../helpers/app-test.ts";

const demo: AuditContext = { actorUserId: null, actorLabel: "demo" };

test.beforeAll(async ({ database, db, fixtures }) => {
  const partnership = await fixtures.partnership("Demoshire Partnership", "england", "E06000090", "Demoshire");
  let first = "";
  for (const [name, type] of [
    ["Demoshire Council", "council"],
    ["Demoshire ICB", "health-board"],
    ["Demoshire Advice", "advice-agency"],
  ] as const) {
    const member = await addMember(database, partnership.id, name, type);
    first ||= member.id;
  }
  await fixtures.user("lead@demoshire.example", first, { roles: [[partnership.id, "lead"]] });
  await seedSharingNationalDemo(db, demo);
  // Run twice: the national demo keeps what exists.
  await seedSharingNationalDemo(db, demo);
  await seedSharingAgreementsDemo(db, demo, { id: partnership.id, nation: "england" });
});

describe("data-sharing demo", () => {
  test("gives every nation principles and two templates, and England a second version", async ({ db }) => {
    const principles = await db.select().from(sharingPrinciples);
    const versionsOf = (nation: string) =>
      principles
        .filter((row) => row.nation === nation)
        .map((row) => row.version)
        .sort();
    expect(versionsOf("england")).toEqual([1, 2]);
    for (const nation of ["scotland", "wales", "northern-ireland"]) expect(versionsOf(nation)).toEqual([1]);
    for (const nation of ["england", "scotland", "wales", "northern-ireland"]) {
      expect(await db.select().from(sharingTemplates).where(eq(sharingTemplates.nation, nation))).toHaveLength(2);
    }
  });

  test("gives the partnership agreed agreements at three risk levels, one due for review on the lead's list", async ({
    db,
    signIn,
  }) => {
    const rows = await db.select().from(sharingAgreements);
    expect(rows.map((row) => row.riskLevel).sort()).toEqual(["high", "low", "medium"]);
    expect(rows.every((row) => row.status === "agreed" && row.principlesVersion === 2)).toBe(true);
    const lead = await signIn("lead@demoshire.example");
    const attention = await lead.get("/attention");
    expect(attention.body).toContain("Data-sharing agreements due for review (1)");
    expect(attention.body).toContain("Pseudonymised council tax reduction and free school meals records (demo)");
  });
});
