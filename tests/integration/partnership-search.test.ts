import { describe, expect } from "vitest";
import { actions } from "../../src/cycle/actions/index.ts";
import { engagementActivities } from "../../src/cycle/consultation/index.ts";
import { meetings } from "../../src/cycle/meetings/index.ts";
import { meetingDecisions } from "../../src/cycle/meetings/tables.ts";
import { needsAssessments, needsFindings, needsQualitative } from "../../src/cycle/needs-assessment/index.ts";
import { reportNarratives, reports } from "../../src/cycle/reports/index.ts";
import { snippetPieces } from "../../src/kernel/db/text-search.ts";
import { appTest as test } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

let partnership: { id: string };
let other: { id: string };
let viewer: TestClient;
let outsider: TestClient;
const ids: Record<string, string> = {};

const url = (id: string, q: string) => `/partnerships/${id}/search?q=${encodeURIComponent(q)}`;
/** The links of the results list, in order. */
const resultLinks = (html: string) =>
  [...html.matchAll(/<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="([^"]+)">/g)].map((m) => m[1]!);

test.beforeAll(async ({ db, signIn, fixtures }) => {
  const org = await fixtures.organisation("Riverside Council", "council");
  partnership = await fixtures.partnership("Riverside Partnership", "scotland", "S12000098", "Riverside");
  other = await fixtures.partnership("Hillside Partnership", "scotland", "S12000097", "Hillside");
  await fixtures.user("viewer@riverside.example", org.id, { roles: [[partnership.id, "viewer"]] });
  await fixtures.user("lead@hillside.example", org.id, { roles: [[other.id, "lead"]] });
  const [action] = await db
    .insert(actions)
    .values({
      partnershipId: partnership.id,
      leadOrganisationId: org.id,
      reference: "A3",
      title: "Welfare advice in GP surgeries",
      description: `Money advisers & benefit checks (waits <20 mins, "fast") for families attending appointments.`,
    })
    .returning();
  ids.action = action!.id;
  await db.insert(actions).values({
    partnershipId: other.id,
    leadOrganisationId: org.id,
    title: "Hillside welfare advice in schools",
  });
  const [assessment] = await db.insert(needsAssessments).values({ partnershipId: partnership.id }).returning();
  const [finding] = await db
    .insert(needsFindings)
    .values({
      partnershipId: partnership.id,
      assessmentId: assessment!.id,
      sectionCode: "context",
      statement: "Lone parents report that childcare costs stop them taking extra hours of work.",
    })
    .returning();
  ids.finding = finding!.id;
  const [evidence] = await db
    .insert(needsQualitative)
    .values({
      partnershipId: partnership.id,
      assessmentId: assessment!.id,
      sectionCode: "context",
      source: "Parents' focus group",
      method: "Focus group",
      summary: "Families described the cost of the school day, uniforms and trips.",
    })
    .returning();
  ids.evidence = evidence!.id;
  const [meeting] = await db
    .insert(meetings)
    .values({
      partnershipId: partnership.id,
      title: "Partnership board",
      meetingDate: "2026-03-12",
      minutes: "<p>The board agreed to expand <strong>welfare</strong> advice &amp; outreach.</p>",
    })
    .returning();
  ids.meeting = meeting!.id;
  await db
    .insert(meetingDecisions)
    .values({ meetingId: meeting!.id, partnershipId: partnership.id, position: 1, text: "Fund a childcare pilot." });
  const [report] = await db
    .insert(reports)
    .values({ partnershipId: partnership.id, reportingYear: "2025/26", type: "lcpar", generated: {} })
    .returning();
  ids.report = report!.id;
  await db.insert(reportNarratives).values({
    partnershipId: partnership.id,
    reportId: report!.id,
    sectionKey: "introduction",
    html: "<p>Income maximisation reached 1,200 households through welfare advice.</p>",
  });
  const [activity] = await db
    .insert(engagementActivities)
    .values({ partnershipId: partnership.id, title: "Young people's panel on transport", purpose: "Bus fares" })
    .returning();
  ids.activity = activity!.id;
  viewer = await signIn("viewer@riverside.example");
  outsider = await signIn("lead@hillside.example");
});

describe("search within a partnership", () => {
  test("finds actions, evidence, findings, meetings, reports and consultation by stemmed words", async () => {
    const page = await viewer.get(url(partnership.id, "welfare"));
    expect(page.statusCode).toBe(200);
    const links = resultLinks(page.body);
    expect(links).toEqual(
      expect.arrayContaining([
        `/partnerships/${partnership.id}/actions/${ids.action}`,
        `/partnerships/${partnership.id}/meetings/${ids.meeting}`,
        `/partnerships/${partnership.id}/reports/${ids.report}`,
      ]),
    );
    expect(links).toHaveLength(3);
    // Never another partnership's records.
    expect(page.body).not.toContain("Hillside welfare");
    // "childcare" stems; a finding and a meeting's decision both say it.
    const childcare = resultLinks((await viewer.get(url(partnership.id, "childcare"))).body);
    expect(childcare).toEqual(
      expect.arrayContaining([
        `/partnerships/${partnership.id}/needs-assessment#finding-${ids.finding}`,
        `/partnerships/${partnership.id}/meetings/${ids.meeting}`,
      ]),
    );
    expect(resultLinks((await viewer.get(url(partnership.id, "uniforms"))).body)).toEqual([
      `/partnerships/${partnership.id}/needs-assessment#qualitative-${ids.evidence}`,
    ]);
    expect(resultLinks((await viewer.get(url(partnership.id, "fare"))).body)).toEqual([
      `/partnerships/${partnership.id}/consultation/${ids.activity}`,
    ]);
  });

  test("marks the matched words and escapes everything else in the snippet", async () => {
    const page = await viewer.get(url(partnership.id, "benefit"));
    expect(page.body).toContain("<mark>benefit</mark>");
    // The action's description holds "&", "<" and quotes: shown as text, never as markup.
    expect(page.body).toContain("advisers &amp; <mark>benefit</mark> checks (waits &lt;20 mins, &quot;fast&quot;)");
    // Stored HTML (minutes) is read as text: no tags, entities read back once.
    const minutes = await viewer.get(url(partnership.id, "outreach"));
    expect(minutes.body).toContain("advice &amp; <mark>outreach</mark>");
    expect(minutes.body).not.toContain("&lt;p&gt;");
  });

  test("uses web search syntax: phrases, OR and a minus sign", async () => {
    const phrase = resultLinks((await viewer.get(url(partnership.id, '"welfare advice" -board'))).body);
    expect(phrase).toEqual(
      expect.arrayContaining([
        `/partnerships/${partnership.id}/actions/${ids.action}`,
        `/partnerships/${partnership.id}/reports/${ids.report}`,
      ]),
    );
    expect(phrase).not.toContain(`/partnerships/${partnership.id}/meetings/${ids.meeting}`);
    const either = resultLinks((await viewer.get(url(partnership.id, "uniforms OR transport"))).body);
    expect(either).toHaveLength(2);
  });

  test("bad input: empty, punctuation only, SQL-like, too long, NUL and repeated q", async () => {
    const empty = await viewer.get(`/partnerships/${partnership.id}/search`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain("Type one or more words");
    const punctuation = await viewer.get(url(partnership.id, "!!! & | :* ( ) ' \" -"));
    expect(punctuation.statusCode).toBe(200);
    expect(punctuation.body).toContain("no words to look for");
    const stopWords = await viewer.get(url(partnership.id, "the and of"));
    expect(stopWords.body).toContain("no words to look for");
    const sqlish = await viewer.get(url(partnership.id, "welfare'); drop table actions; --"));
    expect(sqlish.statusCode).toBe(200);
    const long = await viewer.get(url(partnership.id, "welfare ".repeat(40)));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("govuk-error-summary");
    expect(long.body).toContain("Search text must be 200 characters or fewer");
    const nul = await viewer.get(`/partnerships/${partnership.id}/search?q=wel%00fare`);
    expect(nul.statusCode).toBe(400);
    const repeated = await viewer.get(`/partnerships/${partnership.id}/search?q=welfare&q=surgeries`);
    expect(repeated.statusCode).toBe(200);
    expect(resultLinks(repeated.body)).toEqual([`/partnerships/${partnership.id}/actions/${ids.action}`]);
  });

  test("another partnership's search page is a 404; signed out goes to sign-in", async ({ app }) => {
    expect((await outsider.get(url(partnership.id, "welfare"))).statusCode).toBe(404);
    const anonymous = await app.inject({ method: "GET", url: url(partnership.id, "welfare") });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
  });
});

describe("snippet pieces", () => {
  test("split on the markers, dropping strays", () => {
    expect(snippetPieces("a \uE000b\uE001 c\uE001 \uE000d")).toEqual([
      { text: "a ", marked: false },
      { text: "b", marked: true },
      { text: " c", marked: false },
      { text: " ", marked: false },
      { text: "d", marked: true },
    ]);
  });
});
