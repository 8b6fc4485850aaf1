import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { coordinatorNations, invitations, partnershipRoles, users } from "../../src/workspace/access/index.ts";
import { type DemoSignIn, seedDemo } from "../../src/demo/seed/index.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { partnershipMembers, partnerships } from "../../src/workspace/partnerships/index.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";
import { DEMO_EMBARGOED_SLUG, DEMO_RESTRICTED_SLUG } from "../../src/demo/seed/access-demo.ts";
import { findIndicator, importBatches, readersOf } from "../../src/data/indicators/index.ts";
import { surveyResponses, surveys } from "../../src/cycle/consultation/index.ts";
import { appTest } from "../helpers/app-test.ts";

let first: DemoSignIn[];

const tables = {
  users,
  organisations,
  partnerships,
  partnershipMembers,
  partnershipRoles,
  coordinatorNations,
  invitations,
  auditLog,
};

const test = appTest
  .extend(
    "counts",
    { scope: "file" },
    ({ db }) =>
      async function counts(): Promise<Record<string, number>> {
        const result: Record<string, number> = {};
        for (const [name, table] of Object.entries(tables)) {
          const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
          result[name] = Number(row!.n);
        }
        return result;
      },
  )
  /** Content without generated ids or timestamps, to compare runs on different databases. */
  .extend(
    "content",
    { scope: "file" },
    ({ db: fileDb }) =>
      async function content(db: Db = fileDb) {
        const rows = await db
          .select({
            name: partnerships.name,
            nation: partnerships.nation,
            areaCode: partnerships.areaCode,
            isFictional: partnerships.isFictional,
          })
          .from(partnerships)
          .orderBy(partnerships.name);
        const members = await db
          .select({ partnership: partnerships.name, organisation: organisations.name, role: partnershipMembers.role })
          .from(partnershipMembers)
          .innerJoin(partnerships, eq(partnerships.id, partnershipMembers.partnershipId))
          .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
          .orderBy(partnerships.name, organisations.name);
        const people = await db
          .select({ email: users.email, name: users.name, admin: users.isPlatformAdmin })
          .from(users)
          .orderBy(users.email);
        // Who the consultation's fictional respondents said they were, drawn from a seed of their own.
        const audiences = await db
          .select({
            partnership: partnerships.name,
            version: surveyResponses.version,
            audience: surveyResponses.audience,
            n: sql<number>`count(*)::int`,
          })
          .from(surveyResponses)
          .innerJoin(partnerships, eq(partnerships.id, surveyResponses.partnershipId))
          .groupBy(partnerships.name, surveyResponses.version, surveyResponses.audience)
          .orderBy(partnerships.name, surveyResponses.version, surveyResponses.audience);
        return { rows, members, people, audiences };
      },
  );

// Seeding hashes a dozen passwords with argon2: allow for a busy CI machine.
test.beforeAll(async ({ database }) => {
  first = await seedDemo(database);
}, 180_000);

describe("demo seeding", () => {
  test("gives the first partnership a restricted indicator with named readers and an embargoed import", async ({
    db,
  }) => {
    const restricted = await findIndicator(db, DEMO_RESTRICTED_SLUG);
    expect(restricted?.accessTier).toBe("restricted");
    expect(restricted?.title).toContain("Fictional demo data");
    expect(await readersOf(db, [restricted!.id])).toHaveLength(2);
    const [batch] = await db
      .select()
      .from(importBatches)
      .where(eq(importBatches.fileName, `${DEMO_EMBARGOED_SLUG}.csv`));
    const days = (batch!.embargoUntil!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
    // Both loaded as the lead's finished import jobs, which the lead's import page lists.
    const jobs = await db.execute(
      sql`select j.status, j.batch_id = b.id as "sameBatch", u.email from import_jobs j join users u on u.id = j.user_id
        join import_batches b on b.file_name = j.file_name order by j.file_name`,
    );
    const rows = (jobs as unknown as { rows: { status: string; sameBatch: boolean; email: string }[] }).rows;
    expect(rows).toHaveLength(2);
    expect(
      rows.every((row) => row.status === "done" && row.sameBatch && row.email === "darlington.lead@example.org"),
    ).toBe(true);
  });

  test("asks who people answer as in each closed consultation: the young version mostly children, the standard mostly parents", async ({
    db,
    client,
    content,
  }) => {
    const { audiences } = await content();
    const share = (partnership: string, version: string, test: (audience: string | null) => boolean) => {
      const of = audiences.filter((row) => row.partnership === partnership && row.version === version);
      const total = of.reduce((sum, row) => sum + row.n, 0);
      return of.filter((row) => test(row.audience)).reduce((sum, row) => sum + row.n, 0) / total;
    };
    const names = [...new Set(audiences.map((row) => row.partnership))];
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      expect(share(name, "young", (a) => !!a && (a.startsWith("children") || a.startsWith("young")))).toBeGreaterThan(
        0.6,
      );
      expect(share(name, "standard", (a) => a === "parents-carers")).toBeGreaterThan(0.5);
      expect(share(name, "standard", (a) => a === null)).toBeGreaterThan(0);
    }
    const [asking] = await db.select({ id: surveys.activityId }).from(surveys).where(eq(surveys.askAudience, true));
    const page = await client().get(`/have-your-say/${asking!.id}/you-said-we-did`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Who answered the survey");
    expect(page.body).toContain('data-audience="parents-carers"');
    expect(page.body).toContain("Not asked or not answered");
  });

  test("creates fictional partnerships in England, Scotland and Wales with their partners", async ({ db }) => {
    const rows = await db.select().from(partnerships).orderBy(partnerships.name);
    // The three full demo partnerships, and (for the national hub) every other Scottish council area
    // and a second partnership in England and Wales, lighter.
    expect(rows.map((row) => [row.name, row.nation, row.areaCode, row.areaName])).toEqual(
      expect.arrayContaining([
        ["Darlington Child Poverty Partnership (fictional demo)", "england", "E06000005", "Darlington"],
        ["Dundee Child Poverty Partnership (fictional demo)", "scotland", "S12000042", "Dundee City"],
        ["Swansea Child Poverty Partnership (fictional demo)", "wales", "W06000011", "Swansea"],
      ]),
    );
    expect(rows.filter((row) => row.nation === "scotland")).toHaveLength(32);
    expect(new Set(rows.filter((row) => row.nation === "scotland").map((row) => row.areaCode)).size).toBe(32);
    expect(rows.every((row) => row.isFictional)).toBe(true);
    const orgs = await db.select().from(organisations);
    expect(orgs.every((org) => org.name.endsWith("(demo)"))).toBe(true);
    const dundee = rows.find((row) => row.areaCode === "S12000042")!;
    const members = await db
      .select({ name: organisations.name, gss: organisations.gssCode, type: organisations.type })
      .from(partnershipMembers)
      .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
      .where(eq(partnershipMembers.partnershipId, dundee.id));
    expect(members).toContainEqual({ name: "NHS Tayside (demo)", gss: "S08000030", type: "health-board" });
    expect(new Set(members.map((member) => member.type))).toEqual(
      new Set([
        "council",
        "health-board",
        "jobcentre-plus",
        "police",
        "advice-agency",
        "voluntary-and-community-sector",
      ]),
    );
  });

  test("returns sign-ins for an admin, two coordinators, a national partner and a lead, editor and viewer per partnership", async ({
    client: newClient,
  }) => {
    expect(first).toHaveLength(13);
    expect(first.filter((row) => row.partnership === null).map((row) => row.role)).toEqual([
      "Service administrator",
      "National coordinator (England)",
      "National coordinator (Scotland)",
      "National partner (Scotland)",
    ]);
    expect(first.every((row) => row.email.endsWith("@example.org") && row.password.length >= 12)).toBe(true);
    const lead = first.find((row) => row.role === "Lead" && row.partnership?.startsWith("Dundee"))!;
    const client = newClient();
    expect((await client.signIn(lead.email, lead.password)).statusCode).toBe(303);
    const dashboard = await client.get("/dashboard");
    expect(dashboard.body).toContain("Dundee Child Poverty Partnership (fictional demo)");
    expect(dashboard.body).toContain("Fictional");
    expect(dashboard.body).not.toContain("Darlington");
    const dundee = /href="(\/partnerships\/[0-9a-f-]+)"/.exec(dashboard.body)![1]!;
    const overview = await client.get(dundee);
    expect(overview.body).toContain("Every partner authority the law names is represented.");
    expect(overview.body).toContain("NHS Tayside (demo)");
    const coordinator = first.find((row) => row.role === "National coordinator (Scotland)")!;
    const reader = newClient();
    expect((await reader.signIn(coordinator.email, coordinator.password)).statusCode).toBe(303);
    expect((await reader.get("/dashboard")).body).toContain("Dundee Child Poverty Partnership (fictional demo)");
  });

  test("records everything in the audit log as done by the demo", async ({ db }) => {
    const labels = await db
      .selectDistinct({ label: auditLog.actorLabel })
      .from(auditLog)
      // Sign-ins made by the tests above (a coordinator's includes enrolling two-factor) are not seeding.
      .where(sql`${auditLog.action} not like 'session.%' and ${auditLog.action} not like 'mfa.%'`);
    expect(labels).toEqual([{ label: "demo" }]);
  });

  test("is idempotent and deterministic: seeding again changes nothing and returns the same sign-ins", {
    timeout: 120_000,
  }, async ({ database, content, counts }) => {
    const before = await counts();
    const beforeContent = await content();
    const second = await seedDemo(database);
    expect(second).toEqual(first);
    const after = await counts();
    expect(after).toEqual(before);
    expect(await content()).toEqual(beforeContent);
  });

  test("creates the same content in a fresh database", { timeout: 180_000 }, async ({ content }) => {
    const other = await createTestDatabase();
    try {
      expect(await seedDemo(other)).toEqual(first);
      expect(await content(other.db)).toEqual(await content());
    } finally {
      await other.close();
    }
  });
});
