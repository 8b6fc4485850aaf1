/**
 * Profiles are built once per data version (src/kernel/db/data-version.ts): these show a cached
 * profile changes when the data does (import, revision, catalogue edit, on any path that writes
 * the tables), never shows one partnership's own indicators to another partnership on the same
 * area, and that a rolled-back change leaves no version behind; the monitoring dashboard's measures
 * and the needs assessment's panels, kept the same way, show an import or an edit at once.
 */
import { getTableName, is, sql } from "drizzle-orm";
import pg from "pg";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { editIndicator, indicators } from "../../src/data/indicators/index.ts";
import { createToken, hashToken } from "../../src/data/api/token-service.ts";
import { saveTier } from "../../src/data/indicators/readers-repository.ts";
import type { Actor } from "../../src/kernel/auth/policy.ts";
import { readDataVersion, readDataVersionWith } from "../../src/kernel/db/data-version.ts";
import { actionIndicators, actions, addIndicator } from "../../src/cycle/actions/index.ts";
import { addEntry, removeEntry } from "../../src/cycle/needs-assessment/needs-service.ts";
import { sectionsFor } from "../../src/cycle/needs-assessment/sections.ts";
import { formatPeriod, periodOf } from "../../src/cycle/monitoring/index.ts";
import { londonToday } from "../../src/kernel/time.ts";
import * as geographyTables from "../../src/data/geography/tables.ts";
import * as indicatorTables from "../../src/data/indicators/tables.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

/** The tables of the two domains cached pages are built from, as their tables.ts declare them. */
const dataTables = new Set(
  [...Object.values(geographyTables), ...Object.values(indicatorTables)]
    .filter((value) => is(value, PgTable))
    .map((table) => getTableName(table as PgTable)),
);

const AREA = "E06000001";
const SLUG = "local-measure-a";
let t: TestApp;
let partnershipA: string;
let partnershipB: string;
let readerA: TestClient;
let readerB: TestClient;
let admin: TestClient;

async function importFor(partnershipId: string | undefined, rows: [string, number][], slug = SLUG) {
  const csv = ["area_code,period,indicator,value,measure", ...rows.map(([p, v]) => `${AREA},${p},${slug},${v},count`)];
  const report = await runImport(t.database.db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes("local.csv", Buffer.from(`${csv.join("\n")}\n`)),
    // A partnership's own data is shown to its readers as is; national small-count data (no
    // partnership) is restricted: platform administrators only.
    options: { disclosure: partnershipId ? "none" : "small-count" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "cache-test" },
    ...(partnershipId ? { partnershipId } : {}),
  });
  expect(report.errors).toEqual([]);
}

async function profileOf(client: TestClient, partnershipId: string): Promise<string> {
  const response = await client.get(`/partnerships/${partnershipId}/profile`);
  expect(response.statusCode).toBe(200);
  return response.body;
}

/** The statements `run` sends, by text: every one goes through the pool (a pooled client's own query is wrapped at connect). */
async function statementsSent(run: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Pool.prototype.query;
  pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
    const given = args[0] as string | { name?: string; text?: string };
    sent.push(typeof given === "string" ? given : (given.text ?? given.name ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as never;
  try {
    await run();
  } finally {
    pg.Pool.prototype.query = query;
  }
  return sent;
}

beforeAll(async () => {
  t = await createTestApp();
  await upsertAreas(t.database.db, [
    {
      code: AREA,
      name: "Hartlepool",
      type: "local-authority",
      nation: "england",
      upperTier: true,
      lowerTier: true,
      startYear: null,
      endYear: null,
    },
  ]);
  const org = await fixtures.organisation(t.database, "Council");
  // Two partnerships over the same area: what one imports for itself the other must never see.
  partnershipA = (await fixtures.partnership(t.database, "Partnership A", "england", AREA, "Hartlepool")).id;
  partnershipB = (await fixtures.partnership(t.database, "Partnership B", "england", AREA, "Hartlepool")).id;
  await fixtures.user(t.database, "a@example.org", org.id, { roles: [[partnershipA, "viewer"]] });
  await fixtures.user(t.database, "b@example.org", org.id, { roles: [[partnershipB, "viewer"]] });
  await fixtures.user(t.database, "admin@example.org", org.id, { admin: true });
  readerA = t.client();
  readerB = t.client();
  expect((await readerA.signIn("a@example.org")).statusCode).toBe(303);
  expect((await readerB.signIn("b@example.org")).statusCode).toBe(303);
  admin = t.client();
  expect((await admin.signIn("admin@example.org")).statusCode).toBe(303);
});
afterAll(() => t?.close());

describe("profiles cached by data version", () => {
  it("show an import at once, and only to the partnership that owns the data", async () => {
    // Both cached before any data, then A imports its own indicator.
    expect(await profileOf(readerA, partnershipA)).not.toContain(SLUG);
    expect(await profileOf(readerB, partnershipB)).not.toContain(SLUG);
    await importFor(partnershipA, [
      ["2021", 1234],
      ["2022", 5678],
    ]);
    // The indicator's section (drawn once per cached profile, profile-figures.njk) has the new value.
    const a = await profileOf(readerA, partnershipA);
    expect(a.slice(a.indexOf(`aria-labelledby="${SLUG}"`))).toContain("5,678");
    // B's profile of the same area, built from the same data version, still lacks A's indicator.
    const b = await profileOf(readerB, partnershipB);
    expect(b).not.toContain(SLUG);
    expect(b).not.toContain("5,678");
    // And a reader of A cannot open B's page at all (authorization is before the cache).
    expect((await readerA.get(`/partnerships/${partnershipB}/profile`)).statusCode).toBe(404);
  });

  it("show a revised value after a new release", async () => {
    expect(await profileOf(readerA, partnershipA)).toContain("5,678");
    await importFor(partnershipA, [
      ["2021", 1234],
      ["2022", 9876],
    ]);
    const page = await profileOf(readerA, partnershipA);
    expect(page).toContain("9,876");
    expect(page).not.toContain("5,678");
  });

  it("show a catalogue edit", async () => {
    expect(await profileOf(readerA, partnershipA)).not.toContain("Renamed local measure");
    await editIndicator(t.database.db, { actorUserId: null, actorLabel: "cache-test" }, SLUG, {
      title: "Renamed local measure",
    });
    expect(await profileOf(readerA, partnershipA)).toContain("Renamed local measure");
  });

  it("show embargoed values once the release time passes, with no write in between", async () => {
    await importFor(partnershipA, [
      ["2021", 1234],
      ["2022", 9876],
      ["2023", 2468],
    ]);
    // The release time is set straight on the batch (no data table written), two seconds ahead.
    await t.database.db.execute(
      sql`update import_batches set embargo_until = now() + interval '2 seconds' where id = (select max(id) from import_batches)`,
    );
    const before = await profileOf(readerA, partnershipA);
    expect(before).toContain("9,876");
    expect(before).not.toContain("2,468");
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await profileOf(readerA, partnershipA)).toContain("2,468");
  });

  it("never show restricted national data, cached for an administrator, to a reader who may not see it", async () => {
    await importFor(undefined, [["2022", 4321]], "national-small-counts");
    // The administrator's page is built (and cached) first, with the restricted indicator in it.
    expect(await profileOf(admin, partnershipA)).toContain("4,321");
    // The same partnership, area and data version for a viewer: a different page, without it.
    const viewer = await profileOf(readerA, partnershipA);
    expect(viewer).toContain("9,876");
    expect(viewer).not.toContain("4,321");
    expect(viewer).not.toContain("national-small-counts");
  });

  it("a change written by any path moves the version; one rolled back leaves none behind", async () => {
    const before = await readDataVersion(t.database.db);
    await t.database.db
      .transaction(async (tx) => {
        await tx.update(indicators).set({ title: "Never committed" }).where(sql`slug = ${SLUG}`);
        expect(await readDataVersion(tx)).not.toBe(before);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await readDataVersion(t.database.db)).toBe(before);
    expect(await profileOf(readerA, partnershipA)).not.toContain("Never committed");

    await t.database.db.execute(sql`update indicators set title = 'Written by hand' where slug = ${SLUG}`);
    const after = await readDataVersion(t.database.db);
    expect(after).not.toBe(before);
    expect(await profileOf(readerA, partnershipA)).toContain("Written by hand");
    // Reading changes nothing.
    await profileOf(readerA, partnershipA);
    expect(await readDataVersion(t.database.db)).toBe(after);
  });

  it("every table of the indicator store and geography carries the trigger, bookkeeping aside", async () => {
    const result = await t.database.db.execute(sql`
      select c.relname as name, exists (
        select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = c.relname || '_data_version'
      ) as triggered
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1`);
    const rows = (result as unknown as { rows: { name: string; triggered: boolean }[] }).rows;
    const triggered = rows.filter((row) => row.triggered).map((row) => row.name);
    expect(triggered).toEqual(
      [...dataTables].filter((name) => !["import_batches", "reference_data_loads"].includes(name)).sort(),
    );
    // And a write to one added since the first version (geography vintages) moves the version.
    const before = await readDataVersion(t.database.db);
    await t.database.db.execute(sql`delete from small_area_changes where from_vintage = -1`);
    expect(await readDataVersion(t.database.db)).not.toBe(before);
  });
  it("answer a cached API profile with one statement (the data version), the same bytes each time", async () => {
    // A drizzle query is a thenable that runs again whenever it is awaited: what the cache keeps
    // must be its settled result, or every "hit" would read the catalogue again.
    const anonymous = t.client();
    const first = await anonymous.get(`/api/v1/areas/${AREA}/profile`);
    expect(first.statusCode).toBe(200);
    const sent = await statementsSent(async () => {
      // A browser's session cookie sent to the API (bearer tokens only) is not looked up either.
      const again = await readerA.get(`/api/v1/areas/${AREA}/profile`);
      expect(again.body).toBe(first.body);
    });
    expect(sent).toHaveLength(1);
  });
});

/**
 * A caller with an API token is kept by its token hash while the access version (data_version
 * row 2, migration 0028) stays the same. Every change below is written straight to the tables,
 * as another node's service would write it: nothing in this process is told, so the database's
 * version alone must carry it to the next request.
 */
describe("API callers cached by token", () => {
  const url = `/api/v1/areas/${AREA}/profile`;
  let userId: string;
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const tokenFor = async (name: string) =>
    (
      await createToken(t.database.db, { actorUserId: userId, actorLabel: "cache-test" }, { userId } as Actor, {
        name,
        days: 7,
      })
    ).secret;
  const profile = (secret: string) => t.client().get(url, bearer(secret));

  beforeAll(async () => {
    const [org] = await t.database.db
      .execute(sql`select organisation_id as id from users where email = 'a@example.org'`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    userId = (await fixtures.user(t.database, "script@example.org", org!.id, { roles: [[partnershipA, "viewer"]] })).id;
  });

  it("refuse a revoked token, a removed role and a disabled person at the very next request", async () => {
    const secret = await tokenFor("Cached");
    expect((await profile(secret)).body).toContain(SLUG);
    expect((await profile(secret)).body).toContain(SLUG);
    await t.database.db.execute(sql`delete from partnership_roles where user_id = ${userId}`);
    const without = await profile(secret);
    expect(without.statusCode).toBe(200);
    expect(without.body).not.toContain(SLUG);
    await t.database.db.execute(
      sql`insert into partnership_roles (user_id, partnership_id, role) values (${userId}, ${partnershipA}, 'viewer')`,
    );
    expect((await profile(secret)).body).toContain(SLUG);
    await t.database.db.execute(sql`update api_tokens set revoked_at = now() where token_hash = ${hashToken(secret)}`);
    const revoked = await profile(secret);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.body).toMatch(/revoked/);

    const other = await tokenFor("Disabled");
    expect((await profile(other)).statusCode).toBe(200);
    await t.database.db.execute(sql`update users set status = 'disabled' where id = ${userId}`);
    expect((await profile(other)).body).toMatch(/not active/);
    await t.database.db.execute(sql`update users set status = 'active' where id = ${userId}`);
    expect((await profile(other)).statusCode).toBe(200);
  });

  it("follow a coordinator's access when a partnership's nation changes", async () => {
    const org = await fixtures.organisation(t.database, "Coordination");
    const coordinator = await fixtures.user(t.database, "coordinator@example.org", org.id, { nations: ["england"] });
    const { secret } = await createToken(
      t.database.db,
      { actorUserId: coordinator.id, actorLabel: "cache-test" },
      { userId: coordinator.id } as Actor,
      { name: "Coordinator", days: 7 },
    );
    expect((await profile(secret)).body).toContain(SLUG);
    expect((await profile(secret)).body).toContain(SLUG);
    await t.database.db.execute(sql`update partnerships set nation = 'wales' where id = ${partnershipA}`);
    try {
      expect((await profile(secret)).body).not.toContain(SLUG);
    } finally {
      await t.database.db.execute(sql`update partnerships set nation = 'england' where id = ${partnershipA}`);
    }
    expect((await profile(secret)).body).toContain(SLUG);
  });

  it("refuse an expired token from the cached row, with nothing written in between", async () => {
    const secret = await tokenFor("Expiring");
    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() + interval '1500 milliseconds' where token_hash = ${hashToken(secret)}`,
    );
    expect((await profile(secret)).statusCode).toBe(200);
    const version = await readDataVersionWith(t.database.db, sql`select ''`);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    const expired = await profile(secret);
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toMatch(/expired/);
    expect(await readDataVersionWith(t.database.db, sql`select ''`)).toEqual(version);
  });

  it("answer a cached request with two statements, the versions and the audit of its restricted reads", async () => {
    await importFor(partnershipA, [["2022", 777]], "named-readers-only");
    const [row] = await t.database.db
      .execute(sql`select id from indicators where slug = 'named-readers-only'`)
      .then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    await saveTier(t.database.db, row!.id, "restricted", { userIds: [userId], organisationIds: [], agreementId: null });
    const secret = await tokenFor("Counted");
    const first = await profile(secret);
    expect(first.body).toContain("named-readers-only");
    const audited = async () =>
      (
        (await t.database.db.execute(
          sql`select count(*)::int as n from audit_log where action = 'indicator.read-restricted' and actor_user_id = ${userId} and entity_id = 'named-readers-only'`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n;
    const before = await audited();
    const sent = await statementsSent(async () => {
      for (let i = 0; i < 3; i++) expect((await profile(secret)).body).toBe(first.body);
    });
    // Each request: the data and access versions in one statement, then its audit row.
    expect(sent).toHaveLength(6);
    expect(sent.filter((text) => /data_version/.test(text))).toHaveLength(3);
    expect(sent.filter((text) => /insert into audit_log/.test(text))).toHaveLength(3);
    expect(await audited()).toBe(before + 3);
  });
});

describe("monitoring measures and needs-assessment panels cached by data version", () => {
  const audit = { actorUserId: null, actorLabel: "cache-test" };
  const pageOf = async (client: TestClient, page: string) => {
    const response = await client.get(`/partnerships/${partnershipA}/${page}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it("the dashboard shows an import, an edit of a link or an action at once, and no reader another's indicators", async () => {
    const db = t.database.db;
    const lead = await fixtures.organisation(t.database, "Lead body");
    const [action] = await db
      .insert(actions)
      .values({ partnershipId: partnershipA, reference: "C1", title: "Cached action", leadOrganisationId: lead.id })
      .returning();
    const link = { label: "Local measure", baseline: 1234, baselinePeriod: "2021", targetDate: "2030-03-31" };
    await addIndicator(db, audit, partnershipA, action!.id, { ...link, indicatorRef: SLUG, target: 1000 });
    // Restricted national data: the administrator's dashboard is drawn (and kept) first.
    await addIndicator(db, audit, partnershipA, action!.id, {
      ...link,
      indicatorRef: "national-small-counts",
      target: 1,
    });
    // (4,321 rounded to 4,320 by its small-count disclosure rule.)
    expect(await pageOf(admin, "monitoring")).toContain("4,320");
    const viewer = await pageOf(readerA, "monitoring");
    expect(viewer).toContain("2,468");
    expect(viewer).not.toContain("4,320");

    await importFor(partnershipA, [["2024", 3579]]);
    expect(await pageOf(readerA, "monitoring")).toContain("3,579");
    await db.update(actionIndicators).set({ target: 777 }).where(sql`indicator_ref = ${SLUG}`);
    expect(await pageOf(readerA, "monitoring")).toContain("777");
    await db.update(actions).set({ title: "Renamed cached action" }).where(sql`id = ${action!.id}`);
    const renamed = await pageOf(readerA, "monitoring");
    expect(renamed).toContain("C1: Renamed cached action");
    expect(renamed).not.toContain("C1: Cached action");
  });

  it("the needs assessment shows an import and a panel added or removed at once", async () => {
    const db = t.database.db;
    const sectionCode = sectionsFor("england").sections[0]!.code;
    expect(await pageOf(readerA, "needs-assessment")).not.toContain(`data-panel="${SLUG}"`);
    const panel = await addEntry(db, audit, partnershipA, {
      kind: "panel",
      sectionCode,
      data: { indicatorSlug: SLUG, indicatorTitle: "Local measure", areaCode: AREA },
    });
    expect(await pageOf(readerA, "needs-assessment")).toContain("3,579");
    await importFor(partnershipA, [["2025", 8642]]);
    expect(await pageOf(readerA, "needs-assessment")).toContain("8,642");
    await removeEntry(db, audit, partnershipA, "panel", panel.id);
    expect(await pageOf(readerA, "needs-assessment")).not.toContain(`data-panel="${SLUG}"`);
  });
});

/**
 * The needs assessment's and the monitoring dashboard's whole view models are kept per content
 * version (data_version row 3, migration 0030) with the data and access versions. Every edit below
 * is written straight to the tables, as another node's service would write it: nothing in this
 * process is told, so the database's content version alone must carry it to the next request.
 */
describe("needs assessment and monitoring kept whole per content version", () => {
  const pageOf = async (client: TestClient, partnershipId: string, page: string) => {
    const response = await client.get(`/partnerships/${partnershipId}/${page}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const needsA = () => pageOf(readerA, partnershipA, "needs-assessment");
  const monitoringA = () => pageOf(readerA, partnershipA, "monitoring");
  const idOf = async (query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const run = (query: ReturnType<typeof sql>) => t.database.db.execute(query);

  it("show at once an action, update, priority, panel, evidence link or consultation finding written elsewhere", async () => {
    await run(sql`insert into needs_assessments (partnership_id) values (${partnershipA}) on conflict do nothing`);
    const assessmentId = await idOf(sql`select id from needs_assessments where partnership_id = ${partnershipA}`);
    const sectionCode = sectionsFor("england").sections[0]!.code;
    const lead = await fixtures.organisation(t.database, "Elsewhere lead");
    // Both pages kept first.
    expect(await needsA()).not.toContain("Finding written elsewhere");
    expect(await needsA()).not.toContain(`data-panel="${SLUG}"`);
    expect(await monitoringA()).not.toContain("Action written elsewhere");

    const findingId = await idOf(sql`insert into needs_findings (partnership_id, assessment_id, section_code, statement)
      values (${partnershipA}, ${assessmentId}, ${sectionCode}, 'Finding written elsewhere') returning id`);
    expect(await needsA()).toContain("Finding written elsewhere");

    const actionId = await idOf(sql`insert into actions (partnership_id, reference, title, lead_organisation_id)
      values (${partnershipA}, 'N1', 'Action written elsewhere', ${lead.id}) returning id`);
    expect(await monitoringA()).toContain("N1: Action written elsewhere");
    await run(sql`insert into evidence_links (partnership_id, subject_type, subject_id, kind, reference_id, label)
      values (${partnershipA}, 'action', ${actionId}, 'finding', ${findingId}, 'Finding written elsewhere')`);
    expect(await needsA()).toContain("Action written elsewhere</a>");
    await run(sql`update actions set title = 'Action renamed elsewhere' where id = ${actionId}`);
    expect(await needsA()).toContain("Action renamed elsewhere</a>");
    expect(await monitoringA()).toContain("N1: Action renamed elsewhere");

    await run(sql`insert into action_updates (partnership_id, action_id, period, status, reason, percent_complete)
      values (${partnershipA}, ${actionId}, ${formatPeriod(periodOf(londonToday()))}, 'red', 'Stalled elsewhere', 10)`);
    expect(await monitoringA()).toContain("Stalled elsewhere");

    await run(sql`insert into strategies (partnership_id, start_year, end_year) values (${partnershipA}, 2025, 2028)
      on conflict do nothing`);
    const strategyId = await idOf(sql`select id from strategies where partnership_id = ${partnershipA}`);
    const priorityId = await idOf(sql`insert into strategy_priorities (partnership_id, strategy_id, title)
      values (${partnershipA}, ${strategyId}, 'Priority written elsewhere') returning id`);
    expect(await monitoringA()).toContain("Priority written elsewhere");
    await run(sql`insert into evidence_links (partnership_id, subject_type, subject_id, kind, reference_id, label)
      values (${partnershipA}, 'priority', ${priorityId}, 'finding', ${findingId}, 'Finding written elsewhere')`);
    expect(await needsA()).toContain("Priority written elsewhere</a>");

    await run(sql`insert into needs_panels (partnership_id, assessment_id, section_code, indicator_slug, indicator_title, area_code)
      values (${partnershipA}, ${assessmentId}, ${sectionCode}, ${SLUG}, 'Local measure', ${AREA})`);
    expect(await needsA()).toContain(`data-panel="${SLUG}"`);

    const activityId = await idOf(sql`insert into engagement_activities (partnership_id, title, published_at)
      values (${partnershipA}, 'Consultation written elsewhere', now()) returning id`);
    const themeId = await idOf(sql`insert into consultation_themes (partnership_id, activity_id, name)
      values (${partnershipA}, ${activityId}, 'Theme written elsewhere') returning id`);
    await run(sql`insert into consultation_theme_findings (theme_id, finding_id, partnership_id)
      values (${themeId}, ${findingId}, ${partnershipA})`);
    expect(await needsA()).toContain("Theme written elsewhere</a>");

    // Reading moves no version: nothing a request writes (sessions, audit) carries the trigger.
    const before = await readDataVersionWith(t.database.db, sql`select ''`);
    await needsA();
    await monitoringA();
    expect(await readDataVersionWith(t.database.db, sql`select ''`)).toEqual(before);
  });

  it("show a revision of the data at once, and never one partnership's draft to another's reader", async () => {
    await importFor(partnershipA, [["2025", 8643]]);
    expect(await needsA()).toContain("8,643");
    const pageB = await pageOf(readerB, partnershipB, "needs-assessment");
    expect(pageB).not.toContain("Finding written elsewhere");
    expect(pageB).not.toContain("8,643");
    expect(await pageOf(readerB, partnershipB, "monitoring")).not.toContain("Action renamed elsewhere");
    // A's reader still gets A's; B's reader cannot open A's pages at all (not found, as any other partnership's).
    expect(await needsA()).toContain("Finding written elsewhere");
    expect((await readerB.get(`/partnerships/${partnershipA}/needs-assessment`)).statusCode).toBe(404);
  });

  it("never show a dashboard kept for a reader of restricted data to one who may not see it", async () => {
    // The administrator's dashboard (with the restricted national indicator) is kept first, at
    // the same content, data and access versions the viewer then asks at.
    expect(await pageOf(admin, partnershipA, "monitoring")).toContain("4,320");
    const viewer = await monitoringA();
    expect(viewer).toContain("N1: Action renamed elsewhere");
    expect(viewer).not.toContain("4,320");
  });
});

describe("the partnership overview kept per content and access version", () => {
  const overviewOf = async (client: TestClient, partnershipId: string) => {
    const response = await client.get(`/partnerships/${partnershipId}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it("shows a member organisation, its new name or a person's new name written elsewhere at once, to its own readers", async () => {
    const run = (query: ReturnType<typeof sql>) => t.database.db.execute(query);
    expect(await overviewOf(readerA, partnershipA)).not.toContain("Member written elsewhere");
    const inserted = await run(sql`insert into organisations (name, type) values ('Member written elsewhere', 'charity')
      returning id`);
    const orgId = (inserted as unknown as { rows: { id: string }[] }).rows[0]!.id;
    await run(
      sql`insert into partnership_members (partnership_id, organisation_id) values (${partnershipA}, ${orgId})`,
    );
    expect(await overviewOf(readerA, partnershipA)).toContain("Member written elsewhere");
    expect(await overviewOf(readerB, partnershipB)).not.toContain("Member written elsewhere");
    await run(sql`update organisations set name = 'Member renamed elsewhere' where id = ${orgId}`);
    expect(await overviewOf(readerA, partnershipA)).toContain("Member renamed elsewhere");
    await run(sql`update users set name = 'Person renamed elsewhere' where email = 'a@example.org'`);
    expect(await overviewOf(readerA, partnershipA)).toContain("Person renamed elsewhere");
    expect(await overviewOf(readerB, partnershipB)).not.toContain("Person renamed elsewhere");
  });
});
