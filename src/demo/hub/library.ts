import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { findUserByEmail } from "../../workspace/access/index.ts";
import { findPartnershipByName } from "../../workspace/partnerships/index.ts";
import { actionChoices, loadPlan } from "../../cycle/actions/index.ts";
import {
  citeEntry,
  type CostBand,
  type EntryKind,
  proposeCaseStudy,
  saveEntry,
} from "../../national/practice/index.ts";

interface DemoEntry {
  title: string;
  kind: EntryKind;
  summary: string;
  did: string;
  changed: string;
  level: 1 | 2 | 3 | 4 | 5;
  cost: CostBand;
  nation: Nation;
  drivers?: string[];
  blocks?: string[];
  families?: string[];
  types?: string[];
  settings?: ("urban" | "rural")[];
  public?: boolean;
}

/** Fictional entries: no real programme, place or evaluation is described. */
export const demoEntries: DemoEntry[] = [
  {
    title: "Income maximisation advisers in GP practices",
    kind: "case-study",
    summary: "Welfare rights advisers based in GP practices in the most deprived neighbourhoods.",
    did: "Advisers held weekly sessions in eight practices; GPs and health visitors referred families.",
    changed: "Families referred gained on average £2,100 a year in benefits they were entitled to.",
    level: 3,
    cost: "moderate",
    nation: "scotland",
    drivers: ["social-security:take-up"],
    families: ["disability", "lone-parent"],
    types: ["effective-practice"],
    settings: ["urban"],
    public: true,
  },
  {
    title: "Health visitor money conversations",
    kind: "case-study",
    summary: "Health visitors ask every family about money worries and refer to advice.",
    did: "A routine question at the 6-8 week visit, with a direct referral pathway.",
    changed: "Referrals for advice from families with a child under one tripled in a year.",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["social-security:take-up", "costs:debt"],
    families: ["child-under-one", "young-mother"],
    types: ["workforce-development"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "School clothing grant automatic award",
    kind: "case-study",
    summary: "Awarding school clothing grants automatically from data the council already holds.",
    did: "The council matched benefit records to pupil records and paid grants without an application.",
    changed: "Take-up rose from about 70% to 96% of eligible families.",
    level: 3,
    cost: "very-low",
    nation: "scotland",
    drivers: ["social-security:take-up"],
    families: ["larger-family"],
    types: ["data"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Parental employability keyworkers",
    kind: "evaluation",
    summary: "Keyworkers supporting parents into work and to increase their hours.",
    did: "One keyworker per 30 parents, with childcare and travel costs paid during training.",
    changed:
      "An independent evaluation found parents were more likely to be in work after a year than a matched comparison group.",
    level: 4,
    cost: "high",
    nation: "scotland",
    drivers: ["employment:hours-worked", "employment:skills"],
    families: ["lone-parent", "minority-ethnic"],
    types: ["effective-practice"],
    settings: ["urban"],
  },
  {
    title: "Free bus travel for young parents in training",
    kind: "case-study",
    summary: "Bus passes for parents under 25 attending college or training.",
    did: "Passes issued by the college with enrolment.",
    changed: "Course completion improved among young parents (before and after data).",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["costs:other", "employment:skills"],
    families: ["young-mother"],
    types: ["effective-practice"],
    settings: ["rural"],
  },
  {
    title: "Cost of the school day toolkit",
    kind: "tool",
    summary: "A toolkit for schools to reduce the costs families face during the school day.",
    did: "Schools audit trips, uniforms, food and equipment costs with pupils and parents.",
    changed: "Schools report fewer pupils missing trips; not yet evaluated.",
    level: 1,
    cost: "very-low",
    nation: "scotland",
    drivers: ["costs:other"],
    families: ["larger-family", "lone-parent"],
    types: ["knowledge"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Rent arrears early warning with housing associations",
    kind: "case-study",
    summary: "Housing associations share early arrears data so families get advice before eviction risk.",
    did: "A data-sharing agreement and a fast referral to money advice.",
    changed: "Evictions of families with children fell by a third in two years.",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["costs:housing", "costs:debt"],
    families: ["larger-family", "disability"],
    types: ["data"],
    settings: ["urban"],
  },
  {
    title: "Guidance: involving families with lived experience",
    kind: "guidance",
    summary: "How to plan, pay for and act on families' experience in local planning.",
    did: "Practical steps from planning sessions to feeding back what changed.",
    changed: "Guidance, drawn from several areas' experience.",
    level: 1,
    cost: "very-low",
    nation: "scotland",
    families: ["lone-parent", "minority-ethnic", "disability"],
    types: ["consultation"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Island fuel poverty advice service",
    kind: "case-study",
    summary: "Home energy and income advice for families on the islands.",
    did: "Advisers travel by ferry on a rota and visit homes.",
    changed: "Families' heating costs fell on average by £300 a year (before and after).",
    level: 2,
    cost: "moderate",
    nation: "scotland",
    drivers: ["costs:other", "social-security:take-up"],
    families: ["disability", "child-under-one"],
    types: ["effective-practice"],
    settings: ["rural"],
  },
  {
    title: "Employer childcare partnership",
    kind: "case-study",
    summary: "Local employers offering shift patterns that fit school and nursery hours.",
    did: "Six employers changed rotas and advertised family-friendly hours.",
    changed: "Early signs of more parents taking extra hours.",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["employment:hours-worked"],
    families: ["lone-parent"],
    types: ["tailored-support"],
    settings: ["urban"],
  },
  {
    title: "Evaluation of a local child payment top-up",
    kind: "evaluation",
    summary: "A temporary local top-up to a national benefit for families with young children.",
    did: "A council paid a monthly top-up for a year and compared families with a neighbouring area.",
    changed: "Food insecurity fell compared with the neighbouring area.",
    level: 3,
    cost: "very-high",
    nation: "scotland",
    drivers: ["social-security:value"],
    families: ["child-under-one", "larger-family"],
    types: ["effective-practice"],
    settings: ["urban", "rural"],
  },
  {
    title: "Minority ethnic families outreach through community groups",
    kind: "case-study",
    summary: "Community groups run advice sessions in families' own languages.",
    did: "Funded sessions with interpreters in community venues.",
    changed: "More minority ethnic families using advice (service data).",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["social-security:eligibility", "social-security:take-up"],
    families: ["minority-ethnic"],
    types: ["consultation"],
    settings: ["urban"],
  },
  {
    title: "Self-assessment framework for partnerships",
    kind: "tool",
    summary: "A framework for partnership boards to rate their own progress.",
    did: "Twelve questions across governance, evidence, action and families' voices.",
    changed: "Used by several partnerships; not evaluated.",
    level: 1,
    cost: "very-low",
    nation: "scotland",
    types: ["self-assessment"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Debt advice in nurseries",
    kind: "case-study",
    summary: "Debt advice sessions at nursery pick-up times.",
    did: "An adviser at four nurseries, twice a month.",
    changed: "Parents reported less stress; debts rescheduled for most who attended.",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["costs:debt"],
    families: ["lone-parent", "young-mother"],
    types: ["effective-practice"],
    settings: ["urban"],
  },
  {
    title: "Data dashboard for child poverty leads",
    kind: "tool",
    summary: "A simple dashboard template bringing local indicators together.",
    did: "Indicators by driver with trends and comparisons.",
    changed: "Saves leads time when preparing reports.",
    level: 1,
    cost: "very-low",
    nation: "scotland",
    types: ["data", "needs-assessment"],
    settings: ["urban", "rural"],
  },
  {
    title: "Family learning and skills in libraries",
    kind: "case-study",
    summary: "Libraries offering digital skills and qualification courses for parents.",
    did: "Evening courses with free childcare.",
    changed: "Most parents completed a qualification; some moved into work.",
    level: 2,
    cost: "low",
    nation: "scotland",
    drivers: ["employment:skills"],
    families: ["lone-parent", "minority-ethnic"],
    types: ["workforce-development"],
    settings: ["urban", "rural"],
  },
  {
    title: "Welfare rights in secondary schools",
    kind: "evaluation",
    summary: "An adviser in secondary schools working with pupil support staff.",
    did: "Pupil support staff referred families; the adviser helped with claims.",
    changed: "Independent evaluation in two council areas found significant income gains.",
    level: 4,
    cost: "moderate",
    nation: "scotland",
    drivers: ["social-security:take-up"],
    families: ["larger-family", "disability"],
    types: ["effective-practice"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Replicated advice-in-health-settings model",
    kind: "evaluation",
    summary: "A written model for advice in health settings, delivered in many areas.",
    did: "A manual, training and quality standards used by several boards.",
    changed: "Positive income gains found in each area that used it.",
    level: 5,
    cost: "high",
    nation: "scotland",
    drivers: ["social-security:take-up"],
    families: ["disability", "child-under-one"],
    types: ["effective-practice", "workforce-development"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Holiday food and activities programme",
    kind: "case-study",
    summary: "Free meals and activities in school holidays.",
    did: "Community venues ran sessions four days a week.",
    changed: "Families reported spending less on food in holidays.",
    level: 2,
    cost: "high",
    nation: "england",
    blocks: ["financial-support", "life-chances"],
    families: ["larger-family"],
    types: ["effective-practice"],
    settings: ["urban"],
    public: true,
  },
  {
    title: "Family hubs one-stop advice",
    kind: "case-study",
    summary: "Advice, health and employment support in one family hub.",
    did: "Partners co-located staff in three hubs.",
    changed: "Families saw fewer hand-offs between services.",
    level: 2,
    cost: "moderate",
    nation: "england",
    blocks: ["financial-support", "place"],
    families: ["lone-parent"],
    types: ["tailored-support"],
    settings: ["urban"],
  },
  {
    title: "Guidance on pooling budgets for child poverty",
    kind: "guidance",
    summary: "How partners can pool or align budgets, with example agreements.",
    did: "Examples of section 75-style and aligned budget agreements.",
    changed: "Guidance drawn from partnerships' experience.",
    level: 1,
    cost: "very-low",
    nation: "england",
    blocks: ["financial-support"],
    types: ["knowledge", "leadership"],
    settings: ["urban", "rural"],
    public: true,
  },
  {
    title: "Parental employment programme with colleges",
    kind: "evaluation",
    summary: "Colleges and Jobcentre Plus running courses for parents.",
    did: "Short courses with guaranteed interviews.",
    changed: "A comparison group study found higher employment after six months.",
    level: 3,
    cost: "moderate",
    nation: "england",
    blocks: ["employment-skills"],
    families: ["lone-parent", "minority-ethnic"],
    types: ["effective-practice"],
    settings: ["urban"],
  },
  {
    title: "Rural school transport and costs review",
    kind: "case-study",
    summary: "A county reviewed school transport charges for low-income families.",
    did: "Charges removed for families on low incomes.",
    changed: "Attendance improved in the following year (before and after).",
    level: 2,
    cost: "moderate",
    nation: "wales",
    blocks: ["life-chances", "place"],
    families: ["larger-family"],
    types: ["effective-practice"],
    settings: ["rural"],
  },
  {
    title: "Welsh-language family money advice",
    kind: "case-study",
    summary: "Money advice offered in Welsh and English through schools.",
    did: "Bilingual advisers and materials.",
    changed: "More families in Welsh-speaking communities using advice.",
    level: 2,
    cost: "low",
    nation: "wales",
    blocks: ["financial-support"],
    families: ["young-mother"],
    types: ["consultation"],
    settings: ["rural", "urban"],
  },
];

function body(entry: DemoEntry): string {
  return `<h2>What they did</h2><p>${entry.did}</p><h2>What changed</h2><p>${entry.changed}</p><p><em>Fictional demonstration entry.</em></p>`;
}

/**
 * The library: the entries above, Dundee's actions citing some of them ("areas doing this"),
 * and one of Dundee's actions proposed as a case study for the coordinator to review.
 */
export async function seedLibrary(db: Db, audit: AuditContext): Promise<void> {
  const saved: string[] = [];
  for (const entry of demoEntries) {
    const row = await saveEntry(db, audit, null, {
      kind: entry.kind,
      title: entry.title,
      summary: entry.summary,
      body: body(entry),
      source: "Fictional demo source",
      sourceUrl: "",
      drivers: entry.drivers ?? [],
      buildingBlocks: entry.blocks ?? [],
      familyTypes: entry.families ?? [],
      supportTypes: entry.types ?? [],
      settings: entry.settings ?? [],
      evidenceLevel: entry.level,
      costBand: entry.cost,
      nation: entry.nation,
      visibility: entry.public ? "public" : "signed-in",
      status: "published",
    });
    saved.push(row.id);
  }
  const dundee = await findPartnershipByName(db, "Dundee Child Poverty Partnership (fictional demo)");
  if (!dundee) return;
  const choices = await actionChoices(db, dundee.id);
  const cited: [number, number][] = [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 6],
    [4, 16],
  ];
  for (const [actionIndex, entryIndex] of cited) {
    const action = choices[actionIndex];
    if (action)
      await citeEntry(db, audit, { partnershipId: dundee.id, actionId: action.id, entryId: saved[entryIndex]! });
  }
  const proposed = choices[5];
  const lead = await findUserByEmail(db, "dundee.lead@example.org");
  if (proposed && lead) {
    // The action's own tags (drivers, family types) go with the proposal.
    const action = (await loadPlan(db, dundee.id)).items.find((item) => item.id === proposed.id);
    await proposeCaseStudy(db, audit, {
      partnership: dundee,
      action: action!,
      author: { userId: lead.id, name: lead.name },
      form: {
        title: `${proposed.title}: our experience`,
        summary: "What we did, who it reached and what we learned (fictional).",
        body: "We began with a pilot in two neighbourhoods and extended it after six months.\n\nFamilies told us the service was easy to reach.",
      },
    });
  }
}
