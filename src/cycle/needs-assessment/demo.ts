/**
 * A fictional draft needs assessment for a demo partnership, made through the services (so it is
 * audited): narrative, an indicator panel, findings and qualitative evidence in every section, local
 * services, SWOT, a linked assessment and a review date. The panels show the demo's fictional
 * indicator set (loaded by the demo before the partnerships), compared with region and nation. `publishFirst` also publishes version 1
 * and then keeps drafting, so the draft and the publication differ as they would in real use.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { addEvidence, listPriorities } from "../strategy/index.ts";
import type { PartnershipLike } from "./assessment-view.ts";
import { addEntry, publish, saveNarrative, setReviewDate } from "./needs-service.ts";
import { findFirstFinding } from "./repository.ts";
import { sectionsFor } from "./sections.ts";
import { addDays, londonToday } from "../../kernel/time.ts";

const findingsByPosition = [
  [
    "Around one child in four in the area lives in a low-income family, and the proportion has risen since 2014/15.",
    "Families in the most deprived neighbourhoods are furthest from the services that could help them.",
  ],
  [
    "Many working parents are on low hourly pay or cannot get enough hours, often because childcare does not fit shift work.",
  ],
  [
    "Housing, energy and food costs take a growing share of family budgets; more families with children are using food banks.",
  ],
  ["Take-up of the benefits families are entitled to is low among lone parents and families with a disabled member."],
  ["Families say advice is hard to find unless you already know where to look."],
];

const qualitativeByPosition = [
  {
    source: "Parents at two family hubs (fictional)",
    method: "Four focus groups, autumn 2025",
    summary:
      "Parents described juggling irregular hours, childcare and travel, and feeling judged when asking for help.",
    quotes:
      "You have to tell your story five times to five people.\nThe bus to the job centre costs more than I can spare some weeks.",
  },
  {
    source: "Young people's panel (fictional)",
    method: "Two workshops with 14 to 17 year olds",
    summary: "Young people spoke about the cost of school trips, uniforms and getting to after-school activities.",
    quotes: "I don't go on trips because I know money is tight.",
  },
];

const date = (offsetDays: number) => addDays(londonToday(), offsetDays);

/**
 * The demo's fictional indicator set (src/demo/seed/indicator-demo.ts and demo-measures-set.ts) by
 * section: each section its own figures (issue 16 item 11). Scottish drivers and English/Welsh
 * building blocks share what fits both. The family-type percentage is the tidy importer's slug of
 * its title, cut to 80 characters.
 */
const FAMILY_TYPE = "children-in-relative-low-income-families-by-family-type-fictional-demo-data-perc";
const PANEL_TITLES: Record<string, string> = {
  "demo-children-low-income-count": "Children in relative low income families (Fictional demo data), count",
  "demo-children-low-income-percentage": "Children in relative low income families (Fictional demo data), %",
  [FAMILY_TYPE]: "Children in relative low income families by family type (Fictional demo data)",
  "demo-workless-households": "Children in workless households (Fictional demo data), %",
  "demo-parents-low-pay": "Working parents paid below the real Living Wage (Fictional demo data), %",
  "demo-fuel-poverty-families": "Households with children in fuel poverty (Fictional demo data), %",
  "demo-rent-arrears-families": "Social tenants with children in rent arrears (Fictional demo data), %",
  "demo-two-year-old-childcare": "Eligible two-year-olds taking up funded childcare (Fictional demo data), %",
  "demo-free-school-meals-take-up": "Pupils eligible for free school meals who take them (Fictional demo data), %",
};
const SECTION_PANELS: Record<string, string[]> = {
  context: ["demo-children-low-income-count", "demo-children-low-income-percentage"],
  employment: ["demo-workless-households", "demo-parents-low-pay"],
  "employment-skills": ["demo-workless-households", "demo-parents-low-pay"],
  costs: ["demo-fuel-poverty-families", "demo-rent-arrears-families"],
  place: ["demo-fuel-poverty-families", "demo-rent-arrears-families"],
  "social-security": [FAMILY_TYPE, "demo-free-school-meals-take-up"],
  "financial-support": [FAMILY_TYPE, "demo-free-school-meals-take-up"],
  "life-chances": ["demo-two-year-old-childcare"],
};
/** What each section's narrative says, after "In <area>, " (fictional, like the figures). */
const SECTION_NARRATIVES: Record<string, string> = {
  employment:
    "more children live in workless households than across the nation, and many working parents are paid below the real Living Wage: work alone does not lift families out of poverty.",
  "employment-skills":
    "more children live in workless households than across the nation, and many working parents are paid below the real Living Wage: work alone does not lift families out of poverty.",
  costs:
    "the share of families with children in fuel poverty has risen each year, and rent arrears among social tenants with children are a growing pressure.",
  place:
    "the share of families with children in fuel poverty has risen each year, and rent arrears among social tenants with children are a growing pressure.",
  "social-security":
    "lone-parent families are far more likely to be in low income than couples, and not every family entitled to free school meals takes them.",
  "financial-support":
    "lone-parent families are far more likely to be in low income than couples, and not every family entitled to free school meals takes them.",
  "life-chances":
    "take-up of funded childcare for eligible two-year-olds shows how far early years services reach the families who could use them.",
};

export async function seedNeedsAssessmentDemo(
  db: Db,
  partnership: PartnershipLike,
  audit: AuditContext,
  options: { publishFirst?: boolean } = {},
): Promise<void> {
  const { sections } = sectionsFor(partnership.nation);
  const area = partnership.areaName;
  for (const [position, section] of sections.entries()) {
    const narrative =
      section.code === "context"
        ? `<p>This fictional assessment brings together what the partnership knows about child poverty in ${area}: official statistics (once imported), what children and families told us, and the services already in place.</p><p>It is a living document: partners add evidence through the year and the lead publishes a new version when the picture changes.</p>`
        : `<p>What the evidence says about <strong>${section.heading.toLowerCase()}</strong>. In ${area}, ${SECTION_NARRATIVES[section.code] ?? "the figures below show where the area stands against its region and nation."}</p><p>The figures below are fictional demo data; a real assessment reads the official statistics once they are imported.</p>`;
    await saveNarrative(db, audit, partnership.id, section.code, narrative);
    for (const slug of SECTION_PANELS[section.code] ?? ["demo-children-low-income-percentage"])
      await addEntry(db, audit, partnership.id, {
        kind: "panel",
        sectionCode: section.code,
        data: { indicatorSlug: slug, indicatorTitle: PANEL_TITLES[slug]!, areaCode: partnership.areaCode },
      });
    for (const statement of findingsByPosition[position % findingsByPosition.length]!) {
      await addEntry(db, audit, partnership.id, { kind: "finding", sectionCode: section.code, data: { statement } });
    }
    const evidence = qualitativeByPosition[position % qualitativeByPosition.length]!;
    await addEntry(db, audit, partnership.id, { kind: "qualitative", sectionCode: section.code, data: evidence });
  }
  for (const service of [
    {
      name: "Welfare rights advice in family hubs",
      provider: "Council welfare rights team (fictional)",
      description:
        "Benefit checks and help with claims for families with children, by appointment at four family hubs.",
    },
    {
      name: "Holiday activities and food",
      provider: "Local voluntary sector consortium (fictional)",
      description: "Free activities with a meal in school holidays for children eligible for free school meals.",
    },
    {
      name: "Employment support for parents",
      provider: "Jobcentre Plus (fictional)",
      description: "Work coaches for parents, including help with childcare costs.",
    },
  ]) {
    await addEntry(db, audit, partnership.id, { kind: "service", data: service });
  }
  for (const [category, text] of [
    ["strength", "Strong partnership between the council, health and the voluntary sector"],
    ["strength", "Family hubs reach many families with young children"],
    ["weakness", "Little local data on families with a disabled member"],
    ["opportunity", "Co-locating advice with health visiting and GP practices"],
    ["threat", "Rising housing and energy costs"],
    ["threat", "Short-term funding for voluntary sector services"],
  ] as const) {
    await addEntry(db, audit, partnership.id, { kind: "swot", data: { category, text } });
  }
  await addEntry(db, audit, partnership.id, {
    kind: "other-assessment",
    data: { title: "Joint strategic needs assessment (fictional)", owner: "Health and wellbeing board", url: null },
  });
  await setReviewDate(db, audit, partnership.id, { reviewDate: date(300) });

  // Link the strategy's first priority to the first finding, so the two-way links show on both sides.
  const [priority] = await listPriorities(db, partnership.id);
  const finding = await findFirstFinding(db, partnership.id);
  if (priority && finding) {
    await addEvidence(
      db,
      audit,
      partnership.id,
      { type: "priority", id: priority.id },
      { kind: "finding", referenceId: finding.id, label: finding.statement.slice(0, 300) },
    );
  }
  if (options.publishFirst) {
    await publish(db, audit, partnership, { userId: null, name: "Partnership lead (fictional demo)" });
    await addEntry(db, audit, partnership.id, {
      kind: "finding",
      sectionCode: sections[1]!.code,
      data: {
        statement: "Added after version 1 was published: more parents report zero-hours contracts than two years ago.",
      },
    });
  }
}
