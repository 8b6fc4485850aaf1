import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { sharingAgreements, sharingPrinciples, sharingTemplates } from "../../src/data/sharing/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { addDays, londonToday, partsFromIso } from "../../src/kernel/time.ts";
import { partnershipMembers } from "../../src/workspace/partnerships/index.ts";
import { appTest } from "../helpers/app-test.ts";

/** The file's partnerships, organisations and people. */
const test = appTest.extend("world", { scope: "file" }, async ({ db, fixtures }) => {
  const council = await fixtures.organisation("Lakeside Council", "council");
  const health = await fixtures.organisation("Lakeside Health Board", "health-board");
  const outsider = await fixtures.organisation("Hilltop Council", "council");
  const lakeside = await fixtures.partnership("Lakeside Partnership", "england", "E06000080", "Lakeside");
  const hilltop = await fixtures.partnership("Hilltop Partnership", "england", "E06000081", "Hilltop");
  const glen = await fixtures.partnership("Glen Partnership", "scotland", "S12000050", "Glen");
  await db.insert(partnershipMembers).values([
    { partnershipId: lakeside.id, organisationId: council.id },
    { partnershipId: lakeside.id, organisationId: health.id },
    { partnershipId: hilltop.id, organisationId: outsider.id },
  ]);
  await fixtures.user("lead@lakeside.example", council.id, { roles: [[lakeside.id, "lead"]] });
  await fixtures.user("editor@lakeside.example", council.id, { roles: [[lakeside.id, "editor"]] });
  await fixtures.user("viewer@lakeside.example", health.id, { roles: [[lakeside.id, "viewer"]] });
  await fixtures.user("lead@hilltop.example", outsider.id, { roles: [[hilltop.id, "lead"]] });
  await fixtures.user("coordinator@england.example", council.id, { nations: ["england"] });
  await fixtures.user("coordinator@scotland.example", council.id, { nations: ["scotland"] });
  return { council, health, lakeside, hilltop, glen };
});

function dateFields(id: string, iso: string) {
  const parts = partsFromIso(iso);
  return { [`${id}-day`]: parts.day, [`${id}-month`]: parts.month, [`${id}-year`]: parts.year };
}

function validPost(parties: string[], over: Record<string, string | string[]> = {}) {
  const today = londonToday();
  return {
    title: "Free school meals records",
    parties,
    externalParties: "",
    purpose: "Estimate unclaimed free school meals",
    lawfulBasis: "e",
    specialCategory: "no",
    article9Condition: "",
    schedule1Condition: "",
    dataItems: "Household key\nEligibility",
    level: "pseudonymised",
    frequency: "annually",
    childrenData: "yes",
    volume: "medium",
    onwardSharing: "no",
    dpiaStatus: "completed",
    dpiaReference: "DPIA-1",
    securityMeasures: "Secure transfer",
    ...dateFields("startDate", addDays(today, -100)),
    ...dateFields("reviewDate", addDays(today, 10)),
    ...dateFields("endDate", addDays(today, 400)),
    status: "draft",
    ...over,
  };
}

const base = (id: string) => `/partnerships/${id}/data-sharing`;

describe("data-sharing agreements", () => {
  test("bad input names each field and saves nothing", { timeout: 120_000 }, async ({ signIn, db, world }) => {
    const editor = await signIn("editor@lakeside.example");
    const url = `${base(world.lakeside.id)}/new`;
    const parties = [world.council.id, world.health.id];
    const today = londonToday();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ title: "", purpose: "" }, "#title", "Enter a title for the agreement"],
      [{ lawfulBasis: "g" }, "#lawfulBasis", "Select the lawful basis under UK GDPR Article 6"],
      [{ specialCategory: "yes" }, "#article9Condition", "Select the Article 9 condition"],
      [{ specialCategory: "yes", article9Condition: "h" }, "#schedule1Condition", "Schedule 1 condition"],
      [
        { ...dateFields("reviewDate", addDays(today, -200)) },
        "#reviewDate",
        "The review date must be after the start date",
      ],
      [{ ...dateFields("endDate", addDays(today, 5)) }, "#endDate", "The end date must be on or after the review date"],
      [
        { "startDate-day": "31", "startDate-month": "2", "startDate-year": "2026" },
        "#startDate",
        "The start date must be a real date",
      ],
      [{ "reviewDate-day": "", "reviewDate-month": "", "reviewDate-year": "" }, "#reviewDate", "Enter the review date"],
      [{ parties: [world.council.id] }, "#parties", "Select at least two parties"],
      [{ dpiaReference: "" }, "#dpiaReference", "Enter the reference of the completed DPIA"],
    ];
    for (const [over, href, message] of cases) {
      const response = await editor.post(url, validPost(parties, over));
      expect(response.statusCode, JSON.stringify(over)).toBe(400);
      expect(response.body).toContain("govuk-error-summary");
      expect(response.body).toContain(`href="${href}"`);
      expect(response.body).toContain(message);
    }
    // A party that is not a member of the partnership (forged post).
    const forged = await editor.post(url, validPost([world.council.id, crypto.randomUUID()]));
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("Select parties from the partnership&#39;s organisations");
    expect(await db.select().from(sharingAgreements)).toHaveLength(0);
  });

  test("an editor records an agreement; its risk and reasons come from the current principles", async ({
    signIn,
    db,
    world,
  }) => {
    const editor = await signIn("editor@lakeside.example");
    const response = await editor.post(
      `${base(world.lakeside.id)}/new`,
      validPost([world.council.id, world.health.id]),
    );
    expect(response.statusCode).toBe(303);
    const [row] = await db
      .select()
      .from(sharingAgreements)
      .where(eq(sharingAgreements.title, "Free school meals records"));
    // Pseudonymised 2 + children 2 + medium volume 1 under the starting principles (medium from 3, high from 7).
    expect(row).toMatchObject({ riskLevel: "medium", riskTotal: 5, principlesVersion: 1, status: "draft" });
    expect(response.headers.location).toBe(`${base(world.lakeside.id)}/${row!.id}`);
    const page = await editor.get(response.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Risk: Medium");
    expect(page.body).toContain("Pseudonymised (individual records without names or identifiers)");
    expect(page.body).toContain("5 points: medium from 3, high from 7");
    expect(page.body).toContain("Lakeside Health Board");
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audits.map((entry) => entry.action)).toEqual(["sharing.agreement.create"]);
  });

  test("agreeing needs signatories, and is audited as agreed", async ({ signIn, db, world }) => {
    const editor = await signIn("editor@lakeside.example");
    const [row] = await db
      .select()
      .from(sharingAgreements)
      .where(eq(sharingAgreements.partnershipId, world.lakeside.id));
    const edit = `${base(world.lakeside.id)}/${row!.id}/edit`;
    const form = await editor.get(edit);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Free school meals records"');
    const refused = await editor.post(edit, validPost([world.council.id, world.health.id], { status: "agreed" }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Add the signatories before recording the agreement as agreed");

    const badSignatory = await editor.post(`${base(world.lakeside.id)}/${row!.id}/signatories/new`, {
      name: "Sam Lee",
      role: "",
      organisation: "Lakeside Council",
      signedOn: "31/02/2026",
    });
    expect(badSignatory.statusCode).toBe(400);
    expect(badSignatory.body).toContain("Enter the signatory&#39;s role");
    const signed = await editor.post(`${base(world.lakeside.id)}/${row!.id}/signatories/new`, {
      name: "Sam Lee",
      role: "Data Protection Officer",
      organisation: "Lakeside Council",
      signedOn: "01/03/2026",
    });
    expect(signed.statusCode).toBe(303);
    const agreed = await editor.post(edit, validPost([world.council.id, world.health.id], { status: "agreed" }));
    expect(agreed.statusCode).toBe(303);
    const [after] = await db.select().from(sharingAgreements).where(eq(sharingAgreements.id, row!.id));
    expect(after!.status).toBe("agreed");
    expect(after!.signatories).toMatchObject([{ name: "Sam Lee", signedOn: "2026-03-01" }]);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id))).map(
      (entry) => entry.action,
    );
    expect(actions).toContain("sharing.agreement.agreed");
    expect(actions).toContain("sharing.agreement.add-signatory");
  });

  test("a review due within 30 days is on the lead's attention list, not the viewer's", async ({ signIn, world }) => {
    const lead = await signIn("lead@lakeside.example");
    const list = await lead.get("/attention");
    expect(list.body).toContain("Data-sharing agreements due for review (1)");
    expect(list.body).toContain("Free school meals records");
    expect(list.body).toContain(`Lakeside Partnership: review due by`);
    const viewer = await signIn("viewer@lakeside.example");
    expect((await viewer.get("/attention")).body).not.toContain("Data-sharing agreements due for review");
    expect((await viewer.get(base(world.lakeside.id))).body).toContain("Review due");
  });

  test("another partnership's agreement is a 404, and a viewer may not change one", async ({ signIn, db, world }) => {
    const [row] = await db
      .select()
      .from(sharingAgreements)
      .where(eq(sharingAgreements.partnershipId, world.lakeside.id));
    const other = await signIn("lead@hilltop.example");
    expect((await other.get(`${base(world.lakeside.id)}/${row!.id}`)).statusCode).toBe(404);
    // Their own partnership's URL with Lakeside's agreement id: not found either.
    expect((await other.get(`${base(world.hilltop.id)}/${row!.id}`)).statusCode).toBe(404);
    expect((await other.post(`${base(world.hilltop.id)}/${row!.id}/edit`, validPost([]))).statusCode).toBe(404);
    expect((await other.post(`${base(world.hilltop.id)}/${row!.id}/reassess`)).statusCode).toBe(404);
    const viewer = await signIn("viewer@lakeside.example");
    expect((await viewer.get(`${base(world.lakeside.id)}/${row!.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`${base(world.lakeside.id)}/${row!.id}/edit`)).statusCode).toBe(403);
    const [unchanged] = await db.select().from(sharingAgreements).where(eq(sharingAgreements.id, row!.id));
    expect(unchanged!.updatedAt).toEqual(row!.updatedAt);
  });

  test("principles are versioned: a save makes a new version, older ones stay readable, agreements re-assess", async ({
    signIn,
    db,
    world,
  }) => {
    const coordinator = await signIn("coordinator@england.example");
    const edit = "/national/england/data-sharing/principles/edit";
    const form = await coordinator.get(edit);
    expect(form.statusCode).toBe(200);
    const values = {
      "level-aggregate": "0",
      "level-pseudonymised": "3",
      "level-record-level": "5",
      specialCategory: "3",
      childrenData: "4",
      "volume-small": "0",
      "volume-medium": "1",
      "volume-large": "2",
      onwardSharing: "2",
      mediumFrom: "3",
      highFrom: "8",
      note: "Children's data weighs more",
    };
    const bad = await coordinator.post(edit, { ...values, highFrom: "3", childrenData: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#childrenData"');
    expect((await db.select().from(sharingPrinciples).where(eq(sharingPrinciples.nation, "england"))).length).toBe(1);

    const editor = await signIn("editor@lakeside.example");
    expect((await editor.get(edit)).statusCode).toBe(403);
    const scottish = await signIn("coordinator@scotland.example");
    expect((await scottish.get(edit)).statusCode).toBe(403);

    expect((await coordinator.post(edit, values)).statusCode).toBe(303);
    const versions = await db.select().from(sharingPrinciples).where(eq(sharingPrinciples.nation, "england"));
    expect(versions.map((row) => row.version).sort()).toEqual([1, 2]);
    expect(versions.find((row) => row.version === 1)!.criteria.childrenData).toBe(2);
    const old = await coordinator.get("/national/england/data-sharing/principles/1");
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain("This is an older version");
    expect((await coordinator.get("/national/england/data-sharing/principles/9")).statusCode).toBe(404);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "sharing.principles.save"));
    expect(audits).toHaveLength(1);

    const [row] = await db
      .select()
      .from(sharingAgreements)
      .where(eq(sharingAgreements.partnershipId, world.lakeside.id));
    const page = await editor.get(`${base(world.lakeside.id)}/${row!.id}`);
    expect(page.body).toContain("version 2 is now in force");
    expect(page.body).toContain("Re-assess under version 2");
    expect((await editor.post(`${base(world.lakeside.id)}/${row!.id}/reassess`)).statusCode).toBe(303);
    const [after] = await db.select().from(sharingAgreements).where(eq(sharingAgreements.id, row!.id));
    // Pseudonymised 3 + children 4 + medium volume 1 = 8: high under version 2.
    expect(after).toMatchObject({ principlesVersion: 2, riskLevel: "high", riskTotal: 8 });
    expect((await editor.get(`${base(world.lakeside.id)}/${row!.id}`)).body).not.toContain("is now in force");
  });

  test("the national view counts agreements by risk per partnership, for its own nation's coordinator", async ({
    signIn,
    db,
    world,
  }) => {
    const today = londonToday();
    const common = {
      purpose: "p",
      lawfulBasis: "e" as const,
      dataItems: "d",
      frequency: "annually" as const,
      volume: "small" as const,
      dpiaStatus: "not-needed" as const,
      partyOrganisationIds: [],
      externalParties: ["A", "B"],
      startDate: addDays(today, -10),
      reviewDate: addDays(today, 100),
      riskTotal: 0,
      riskReasons: [],
      riskRule: "",
      principlesVersion: 1,
    };
    await db.insert(sharingAgreements).values([
      { ...common, partnershipId: world.hilltop.id, title: "Low one", level: "aggregate", riskLevel: "low" },
      { ...common, partnershipId: world.hilltop.id, title: "Low two", level: "aggregate", riskLevel: "low" },
      {
        ...common,
        partnershipId: world.hilltop.id,
        title: "Ended",
        level: "aggregate",
        riskLevel: "high",
        status: "ended",
      },
      {
        ...common,
        partnershipId: world.hilltop.id,
        title: "Expired",
        level: "aggregate",
        riskLevel: "high",
        status: "agreed",
        startDate: addDays(today, -400),
        reviewDate: addDays(today, -200),
        endDate: addDays(today, -1),
      },
      { ...common, partnershipId: world.glen.id, title: "Scottish", level: "aggregate", riskLevel: "high" },
    ]);
    const coordinator = await signIn("coordinator@england.example");
    const page = await coordinator.get("/national/england/data-sharing");
    expect(page.statusCode).toBe(200);
    const cells = (name: string) => {
      const rowHtml = page.body.split("<tr").find((html) => html.includes(name))!;
      return [...rowHtml.matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((match) => Number(match[1]));
    };
    expect(cells("Hilltop Partnership")).toEqual([2, 0, 0, 2]);
    expect(cells("Lakeside Partnership")).toEqual([0, 0, 1, 1]);
    expect(page.body).not.toContain("Glen Partnership");
    const scottish = await signIn("coordinator@scotland.example");
    expect((await scottish.get("/national/england/data-sharing")).statusCode).toBe(403);
    expect((await (await signIn("lead@lakeside.example")).get("/national/england/data-sharing")).statusCode).toBe(403);
  });

  test("a partnership starts an agreement from its nation's template, prefilled", async ({ signIn, db, world }) => {
    const coordinator = await signIn("coordinator@england.example");
    const added = await coordinator.post("/national/england/data-sharing/templates/new", {
      title: "Health visiting referrals",
      summary: "",
      purpose: "Early help for families",
      lawfulBasis: "e",
      specialCategory: "yes",
      article9Condition: "h",
      schedule1Condition: "p1-2",
      dataItems: "Names",
      level: "record-level",
      frequency: "on-request",
      childrenData: "yes",
      volume: "small",
      onwardSharing: "no",
      securityMeasures: "",
    });
    expect(added.statusCode).toBe(303);
    const [template] = await db.select().from(sharingTemplates).where(eq(sharingTemplates.nation, "england"));
    const [scottish] = await db
      .insert(sharingTemplates)
      .values({ ...template!, id: undefined, nation: "scotland", title: "Scottish template" })
      .returning();

    const editor = await signIn("editor@lakeside.example");
    const library = await editor.get(`${base(world.lakeside.id)}/templates`);
    expect(library.body).toContain("Health visiting referrals");
    expect(library.body).not.toContain("Scottish template");
    const form = await editor.get(`${base(world.lakeside.id)}/new?template=${template!.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Early help for families");
    expect(form.body).toContain(`name="templateId" value="${template!.id}"`);
    expect((await editor.get(`${base(world.lakeside.id)}/new?template=${scottish!.id}`)).statusCode).toBe(404);

    const saved = await editor.post(
      `${base(world.lakeside.id)}/new`,
      validPost([world.council.id, world.health.id], {
        templateId: template!.id,
        title: "Referrals",
        level: "record-level",
        specialCategory: "yes",
        article9Condition: "h",
        schedule1Condition: "p1-2",
      }),
    );
    expect(saved.statusCode).toBe(303);
    const [row] = await db
      .select()
      .from(sharingAgreements)
      .where(and(eq(sharingAgreements.title, "Referrals"), eq(sharingAgreements.partnershipId, world.lakeside.id)));
    expect(row).toMatchObject({ templateId: template!.id, riskLevel: "high", article9Condition: "h" });
  });
});
