import { describe, expect } from "vitest";
import { currentReportingYear, financialYearOf, londonToday, partsFromIso } from "../../src/kernel/time.ts";
import { auditCount } from "../helpers/partnership-fixtures.ts";
import { idFromLocation } from "../helpers/strategy-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";

// The year in progress (a report may be written and published before it ends) and the one due now.
const inProgress = financialYearOf(londonToday());
const due = currentReportingYear(londonToday());
let northtown: { id: string };
let other: { id: string };
let lead: TestClient;
let coordinator: TestClient;
let reportId: string;

/** The national view's status cell of one partnership (the row that names it). */
const nationalRow = (html: string, name: string) => {
  const at = html.indexOf(`>${name}<`);
  return html.slice(at, html.indexOf("</tr>", at));
};

test.beforeAll(async ({ signIn, fixtures }) => {
  const org = await fixtures.organisation("Northtown Council", "council");
  northtown = await fixtures.partnership("Northtown Partnership", "england", "E06000090", "Northtown");
  other = await fixtures.partnership("Southtown Partnership", "england", "E06000091", "Southtown");
  await fixtures.user("lead@northtown.example", org.id, { roles: [[northtown.id, "lead"]] });
  await fixtures.user("viewer@northtown.example", org.id, { roles: [[northtown.id, "viewer"]] });
  await fixtures.user("lead@southtown.example", org.id, { roles: [[other.id, "lead"]] });
  await fixtures.user("coordinator@england.example", org.id, { nations: ["england"] });
  lead = await signIn("lead@northtown.example");
  coordinator = await signIn("coordinator@england.example");
  const created = await lead.post(`/partnerships/${northtown.id}/reports/new`, {
    type: "progress",
    reportingYear: inProgress,
  });
  expect(created.statusCode).toBe(303);
  reportId = idFromLocation(created);
  const today = partsFromIso(londonToday());
  const signed = await lead.post(`/partnerships/${northtown.id}/reports/${reportId}/sign-off`, {
    name: "Cllr A",
    role: "elected-member",
    signedOn: `${today.day}/${today.month}/${today.year}`,
  });
  expect(signed.statusCode).toBe(303);
  expect((await lead.post(`/partnerships/${northtown.id}/reports/${reportId}/publish`)).statusCode).toBe(303);
});

describe("a report published for the year in progress", () => {
  test("appears in the national view for its year, chosen with a select that works without JavaScript", async () => {
    const standard = await coordinator.get("/national/england");
    expect(standard.body).toContain(`Reporting year ${due}.`);
    expect(nationalRow(standard.body, "Northtown Partnership")).toContain("Not started");
    const chosen = await coordinator.get(`/national/england?year=${encodeURIComponent(inProgress)}`);
    expect(chosen.statusCode).toBe(200);
    expect(chosen.body).toContain(`Reporting year ${inProgress}.`);
    expect(chosen.body).toContain(`<option value="${inProgress}" selected>${inProgress}</option>`);
    expect(nationalRow(chosen.body, "Northtown Partnership")).toContain("Published");
    expect(nationalRow(chosen.body, "Southtown Partnership")).toContain("Not started");
    // The downloads carry the chosen year.
    expect(chosen.body).toContain(`export.csv?year=${encodeURIComponent(inProgress)}`);
    const csv = await coordinator.get(`/national/england/export.csv?year=${encodeURIComponent(inProgress)}`);
    expect(csv.body).toMatch(new RegExp(`Northtown Partnership.*${inProgress.replace("/", "\\/")}.*Published`));
    // Not a year: the one due now, never an error.
    for (const bad of ["2026/28", "<script>", "x".repeat(500)]) {
      const page = await coordinator.get(`/national/england?year=${encodeURIComponent(bad)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`Reporting year ${due}.`);
    }
  });

  test("the partnership's report list takes a year, the one due now by default, or all years", async () => {
    const url = `/partnerships/${northtown.id}/reports`;
    const standard = (await lead.get(url)).body;
    expect(standard).toContain(`No reports for ${due} yet.`);
    expect(standard).toContain("1 report of other years");
    expect(standard).not.toContain(`/reports/${reportId}"`);
    expect((await lead.get(`${url}?year=${encodeURIComponent(inProgress)}`)).body).toContain(`/reports/${reportId}"`);
    expect((await lead.get(`${url}?year=all`)).body).toContain(`/reports/${reportId}"`);
    expect((await lead.get(`${url}?year=nonsense`)).body).toContain(`No reports for ${due} yet.`);
  });
});

describe("review feedback by year, with the lead's reply", () => {
  test("is left on the chosen year's report, and the lead replies and marks it addressed (audited)", async ({
    database,
    signIn,
  }) => {
    const url = `/partnerships/${northtown.id}/feedback`;
    const yearUrl = `${url}?year=${encodeURIComponent(inProgress)}`;
    expect(
      (
        await coordinator.post(url, {
          year: inProgress,
          section: "Spend",
          comment: "Give the pooled budget.",
          status: "returned",
        })
      ).statusCode,
    ).toBe(303);
    if (inProgress !== due) expect((await lead.get(url)).body).not.toContain("Give the pooled budget.");
    const page = (await lead.get(yearUrl)).body;
    expect(page).toContain("Give the pooled budget.");
    const id = /feedback\/([0-9a-f-]{36})\/reply"/.exec(page)![1]!;
    // Returned to the lead: on their attention list until they mark it addressed.
    expect((await lead.get("/attention")).body).toContain("Spend");

    // Nothing typed and not ticked: a GOV.UK error on that reply box, nothing saved.
    const empty = await lead.post(`${url}/${id}/reply`, { year: inProgress, reply: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("govuk-error-summary");
    expect(empty.body).toContain(`href="#reply-${id}"`);
    expect(empty.body).toContain("Enter a reply, or mark the feedback as addressed");
    const long = await lead.post(`${url}/${id}/reply`, { year: inProgress, reply: "x".repeat(10_001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("Reply must be 10,000 characters or fewer");
    expect(await auditCount(database, "review-feedback.reply", northtown.id)).toBe(0);

    const saved = await lead.post(`${url}/${id}/reply`, {
      year: inProgress,
      reply: "Added in section 4 <b>now</b>.",
      addressed: "yes",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(yearUrl);
    expect(await auditCount(database, "review-feedback.reply", northtown.id)).toBe(1);
    expect((await lead.get("/attention")).body).not.toContain("Spend");
    const after = (await coordinator.get(yearUrl)).body;
    expect(after).toContain("Added in section 4 &lt;b&gt;now&lt;/b&gt;.");
    expect(after).toMatch(/govuk-tag--green">\s*Addressed\s*</);

    // Only the partnership's lead replies; another partnership's feedback is not found.
    expect((await coordinator.post(`${url}/${id}/reply`, { reply: "I am not the lead" })).statusCode).toBe(403);
    const viewer = await signIn("viewer@northtown.example");
    expect((await viewer.post(`${url}/${id}/reply`, { reply: "Viewer" })).statusCode).toBe(403);
    const outsider = await signIn("lead@southtown.example");
    expect(
      (await outsider.post(`/partnerships/${other.id}/feedback/${id}/reply`, { reply: "Not mine" })).statusCode,
    ).toBe(404);
    expect(await auditCount(database, "review-feedback.reply")).toBe(1);
  });
});
