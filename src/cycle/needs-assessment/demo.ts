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

const DEMO_PANEL_SLUGS = [
  "demo-children-low-income-count",
  "children-in-relative-low-income-families-by-family-type-fictional-demo-data-perc",
];

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
        : `<p>What the evidence says about <strong>${section.heading.toLowerCase()}</strong> in ${area}. The figures below come from official statistics once they are imported; until then the panels say so.</p>`;
    await saveNarrative(db, audit, partnership.id, section.code, narrative);
    await addEntry(db, audit, partnership.id, {
      kind: "panel",
      sectionCode: section.code,
      // The demo's fictional indicator set (src/demo/seed/indicator-demo.ts): the count in the first section, the
      // family-type percentage (the tidy importer's slug of its title, cut to 80 characters) in the second, the percentage elsewhere.
      data: {
        indicatorSlug: DEMO_PANEL_SLUGS[position] ?? "demo-children-low-income-percentage",
        indicatorTitle: "Children in relative low income families (Fictional demo data)",
        areaCode: partnership.areaCode,
      },
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
