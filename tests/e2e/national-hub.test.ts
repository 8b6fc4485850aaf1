/**
 * The national partners' hub in real Chromium (issue 14): a local lead asks for support, the
 * coordinator assigns it, a national partner answers and marks it done, the lead closes it with
 * feedback; the figures and the joint plan show it; the matrix lists providers by the eleven
 * types; a search by text and driver finds an entry listing the area's action that cites it.
 * Every page on the way passes axe (WCAG 2.2 AA) with one h1 and a clean console.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect } from "vitest";
import type { AuditContext } from "../../src/kernel/audit/audit.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { actions } from "../../src/cycle/actions/index.ts";
import { addMember, listMembers, saveGroup, setMemberPerson } from "../../src/national/partners-group/index.ts";
import { citeEntry, saveEntry } from "../../src/national/practice/index.ts";
import { saveOffer } from "../../src/national/support-offer/index.ts";
import type { BoundFixtures } from "../helpers/app-test.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { consoleProblems, NO_PAGE_PROBLEMS, newPage, pageProblems, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";

const audit: AuditContext = { actorUserId: null, actorLabel: "e2e setup" };
let glenId: string;
let entryId: string;

async function setUp(database: Database, fixtures: BoundFixtures) {
  const unit = await fixtures.organisation("Coordination Unit", "national-body");
  const agency = await fixtures.organisation("Public Health Agency", "national-body");
  const council = await fixtures.organisation("Glen Council");
  const glen = await fixtures.partnership("Glen Partnership", "scotland", "S12000005", "Glen");
  glenId = glen.id;
  await fixtures.user("coordinator@hub.example", unit.id, { nations: ["scotland"] });
  const partner = await fixtures.user("partner@agency.example", agency.id);
  await fixtures.user("lead@glen.example", council.id, { roles: [[glen.id, "lead"]] });
  const group = await saveGroup(database.db, audit, "scotland", {
    name: "Scottish National Partners Group",
    remit: "Support for local partnerships",
    meetingIntervalWeeks: 4,
  });
  await addMember(database.db, audit, group.id, unit.id);
  await addMember(database.db, audit, group.id, agency.id);
  const members = await listMembers(database.db, group.id);
  const agencyMember = members.find((member) => member.organisationId === agency.id)!;
  await setMemberPerson(database.db, audit, group, agencyMember.id, { userId: partner.id, partner: true });
  await saveOffer(database.db, audit, group.id, null, {
    title: "Local data pack",
    supportType: "data",
    description: "Indicators for your area.",
    audience: "",
    format: "data-service",
    capacity: "",
    howToRequest: "",
    status: "available",
    providerIds: [agencyMember.id],
  });
  const entry = await saveEntry(database.db, audit, null, {
    kind: "case-study",
    title: "Income maximisation advisers in GP practices",
    summary: "Welfare rights advisers based in GP surgeries.",
    body: "<p>Advisers held weekly sessions in eight practices.</p>",
    source: "",
    sourceUrl: "",
    drivers: ["social-security:take-up"],
    buildingBlocks: [],
    familyTypes: ["disability"],
    supportTypes: ["effective-practice"],
    settings: ["urban"],
    evidenceLevel: 3,
    costBand: "moderate",
    nation: "scotland",
    visibility: "public",
    status: "published",
  });
  entryId = entry.id;
  const [action] = await database.db
    .insert(actions)
    .values({
      partnershipId: glen.id,
      reference: "A7",
      title: "Advice in health centres",
      leadOrganisationId: council.id,
    })
    .returning();
  await citeEntry(database.db, audit, { partnershipId: glen.id, actionId: action!.id, entryId: entry.id });
}

describe("the national partners' hub in Chromium", () => {
  test.beforeAll(async ({ database, fixtures }) => {
    await setUp(database, fixtures);
  }, 300_000);

  async function as(
    { browser, origin }: { browser: Browser; origin: string },
    email: string,
  ): Promise<{ page: Page; check: (url?: string) => Promise<void>; messages: string[] }> {
    const page = await newPage(browser);
    const messages = consoleProblems(page);
    expect(await signInThroughForm(page, origin, email, TEST_PASSWORD)).toBeNull();
    const check = async (url?: string) => {
      if (url) {
        const response = await page.goto(`${origin}${url}`);
        expect(response?.status(), url).toBe(200);
      }
      expect(await pageProblems(page), url ?? page.url()).toEqual(NO_PAGE_PROBLEMS);
    };
    return { page, check, messages };
  }

  test("carries a request from the lead through triage, an answer and closing, into the figures and the plan", async ({
    browser,
    origin,
  }) => {
    const lead = await as({ browser, origin }, "lead@glen.example");
    await lead.check("/hub/scotland");
    await lead.check(`/partnerships/${glenId}/support`);
    await lead.check(`/partnerships/${glenId}/support/new`);
    await lead.page.getByRole("button", { name: "Send the request" }).click();
    await lead.check(); // the form again, with the error summary
    await lead.page.getByLabel("Data", { exact: true }).check();
    await lead.page.getByLabel("What is it about?").fill("Data zone analysis");
    await lead.page.getByLabel("Costs of living: Housing costs").check();
    await lead.page.getByLabel("Soon: within 6 weeks").check();
    await lead.page.getByLabel("What do you need?").fill("Small-area figures for our needs assessment.");
    await lead.page.getByRole("button", { name: "Send the request" }).click();
    await lead.page.waitForURL(/\/support\/[0-9a-f-]{36}$/);
    const requestId = lead.page.url().split("/").pop()!;
    await lead.check();

    const coordinator = await as({ browser, origin }, "coordinator@hub.example");
    await coordinator.check("/hub/scotland/requests");
    await coordinator.check(`/hub/scotland/requests/${requestId}`);
    await coordinator.page.getByText("Assign to a member body").click();
    await coordinator.page.getByLabel("Member body").selectOption({ label: "Public Health Agency" });
    await coordinator.page.getByRole("button", { name: "Assign" }).click();
    await coordinator.page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await coordinator.check();

    const partner = await as({ browser, origin }, "partner@agency.example");
    await partner.check(`/hub/scotland/requests/${requestId}`);
    await partner.page.getByLabel("Message").fill("Here are your figures, with small counts suppressed.");
    await partner.page.getByLabel("Move the request on (optional)").selectOption({ label: "Move to done" });
    await partner.page.getByRole("button", { name: "Send" }).click();
    await partner.page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await partner.check();
    expect(await partner.page.locator(".govuk-tag", { hasText: "Done" }).count()).toBeGreaterThan(0);

    await lead.check(`/partnerships/${glenId}/support/${requestId}`);
    await lead.page.getByLabel("4 – helpful").check();
    await lead.page.getByLabel("Feedback for the national partners (optional)").fill("Exactly what we needed.");
    await lead.page.getByRole("button", { name: "Close with feedback" }).click();
    await lead.page.waitForURL(new RegExp(`/support/${requestId}$`));
    await lead.check();
    expect(await lead.page.getByText("Closed with a rating of 4 out of 5.").count()).toBe(1);

    // A second request, declined: unmet demand.
    await lead.check(`/partnerships/${glenId}/support/new`);
    await lead.page.getByLabel("Peer review", { exact: true }).check();
    await lead.page.getByLabel("What is it about?").fill("Peer review of our report");
    await lead.page.getByLabel("Routine: within 3 months").check();
    await lead.page.getByLabel("What do you need?").fill("Two readers for our draft.");
    await lead.page.getByRole("button", { name: "Send the request" }).click();
    await lead.page.waitForURL(/\/support\/[0-9a-f-]{36}$/);
    const declinedId = lead.page.url().split("/").pop()!;
    await coordinator.check(`/hub/scotland/requests/${declinedId}`);
    await coordinator.page.getByText("Decline this request").click();
    await coordinator.page.getByLabel("Why it is declined").fill("No reviewers this quarter.");
    await coordinator.page.getByRole("button", { name: "Decline the request" }).click();
    await coordinator.page.waitForURL(new RegExp(`/requests/${declinedId}$`));

    await coordinator.check("/hub/scotland/figures");
    const figures = coordinator.page.locator("main");
    await expect.poll(() => figures.textContent()).toContain("Requests answered");
    const peerReview = coordinator.page.locator("tr", {
      has: coordinator.page.locator("th", { hasText: /^Peer review$/ }),
    });
    expect((await peerReview.locator("td").allTextContents()).map((text) => text.trim())).toEqual(["1", "0", "0", "1"]);

    await coordinator.check("/hub/scotland/plan/new");
    await coordinator.page.getByLabel("Activity").fill("Small-area data service");
    await coordinator.page.getByLabel("Lead body").selectOption({ label: "Public Health Agency" });
    await coordinator.page.getByLabel("Type of support").selectOption({ label: "Data" });
    await coordinator.page.getByLabel("In progress").check();
    await coordinator.page.getByLabel(/Data zone analysis/).check();
    await coordinator.page.getByRole("button", { name: "Save" }).click();
    await coordinator.page.waitForURL(/\/plan\/[0-9a-f-]{36}$/);
    await coordinator.check();
    await coordinator.check("/hub/scotland/plan");
    await lead.check(`/partnerships/${glenId}/support`);
    expect(await lead.page.getByRole("link", { name: "Small-area data service" }).count()).toBe(1);
    // The empty form's 400 answer is the expected error page; anything else in the console is a problem.
    const expected = /status of 400 \(Bad Request\)/;
    for (const context of [lead, coordinator, partner])
      expect(context.messages.filter((message) => !expected.test(message))).toEqual([]);
  });

  test("lists the providers by the eleven types of support in the matrix", async ({ browser, origin }) => {
    const partner = await as({ browser, origin }, "partner@agency.example");
    await partner.check("/hub/scotland/matrix");
    const headers = await partner.page.locator("table.app-matrix thead th").allTextContents();
    expect(headers).toHaveLength(12);
    expect(headers.slice(1)).toEqual([
      "Peer review",
      "Needs assessment",
      "Leadership",
      "Networking",
      "Sector-led tailored support, including developing strategies",
      "Workforce development",
      "Effective practice",
      "Knowledge (national policy updates, research)",
      "Data",
      "Consultation",
      "Self-assessment",
    ]);
    expect(await partner.page.locator("table.app-matrix tbody tr").count()).toBe(2);
    for (const url of ["/hub/scotland/offers", "/hub/scotland/partners", "/hub/scotland/meetings", "/hub/scotland"])
      await partner.check(url);
  });

  test("finds a practice entry by text and driver, listing the area's action that cites it", async ({
    browser,
    origin,
  }) => {
    const lead = await as({ browser, origin }, "lead@glen.example");
    await lead.check("/practice");
    await lead.page.locator("#q").fill("advisers surgeries");
    await lead.page
      .getByLabel("Driver (Scotland)")
      .selectOption({ label: "Income from social security and benefits in kind" });
    await lead.page.getByRole("button", { name: "Search" }).click();
    await lead.page.waitForURL(/q=advisers/);
    await lead.check();
    await lead.page.getByRole("link", { name: "Income maximisation advisers in GP practices" }).click();
    await lead.page.waitForURL(new RegExp(`/practice/${entryId}$`));
    await lead.check();
    const areas = lead.page.locator("#areas + p + table");
    expect(await areas.textContent()).toContain("Glen Partnership");
    expect(await areas.textContent()).toContain("A7 – Advice in health centres");
    await lead.check("/practice/evidence");
    await lead.check(`/partnerships/${glenId}/actions`);
    const coordinator = await as({ browser, origin }, "coordinator@hub.example");
    await coordinator.check("/practice/review");
    await coordinator.check("/practice/new");
    await coordinator.page.getByRole("button", { name: "Save" }).click();
    await coordinator.check(); // the entry form with its errors
  });
});
