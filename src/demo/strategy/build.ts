import type { AuditContext } from "../../kernel/audit/audit.ts";
import { seededRandom } from "../../kernel/random.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { financialYearLabel, londonDate, londonToday, utcCalendarDate } from "../../kernel/time.ts";
import {
  addBudget,
  addIndicator,
  addMilestone,
  createAction,
  markMilestone,
  memberOrganisations,
  type RagStatus,
} from "../../cycle/actions/index.ts";
import { formatPeriod, periodEnd, periodOf, recordUpdate, shiftPeriod } from "../../cycle/monitoring/index.ts";
import { correctAndWithdraw } from "./corrections.ts";
import { findPartnership, listMembers } from "../../workspace/partnerships/index.ts";
import { leadFor } from "./action-leads.ts";
import { saveAssessment } from "../../cycle/proofing/index.ts";
import {
  addChoice,
  addEvidence,
  addPriority,
  addRelated,
  addSignOff,
  findStrategy,
  saveStrategy,
} from "../../cycle/strategy/index.ts";
import { demoLocalityPlan, demoMeasurePlans } from "./demo-measures.ts";
import { localise, localiseAll } from "./localise.ts";
import { priorityTemplates, strategyText } from "./strategy-text.ts";
import { actionTemplates, familyCodes } from "./templates.ts";

export interface DemoStrategyOptions {
  partnershipId: string;
  /** Who the audit log names; defaults to "demo data". */
  audit?: AuditContext;
  /** Number of actions (at least 40 by default; templates repeat as "phase 2" beyond 44). */
  actions?: number;
  /**
   * Start year of the financial year whose four quarters get updates. Defaults to the last
   * financial year that has ended before `asOf`.
   */
  financialYear?: number;
  /** Reference date for the default year (default: now). Same inputs, same data. */
  asOf?: Date;
}

const iso = (year: number, month: number, day: number) => utcCalendarDate(new Date(Date.UTC(year, month - 1, day)));

/**
 * Builds a fictional joint strategy with priorities linked to evidence, strategic choices,
 * related strategies, sign-off, 40+ actions spread over drivers and member organisations,
 * budgets, indicators, milestones, a year of quarterly updates and two poverty-proofing
 * assessments, all through the domain services (so audit entries are written). The
 * partnership must exist, have member organisations and no strategy yet.
 */
export async function buildDemoStrategy(db: Db, options: DemoStrategyOptions) {
  const partnership = await findPartnership(db, options.partnershipId);
  if (!partnership) throw AppError.notFound("No such partnership");
  if (await findStrategy(db, partnership.id)) throw new AppError("CONFLICT", "The partnership already has a strategy");
  const members = await memberOrganisations(db, partnership.id);
  if (members.length === 0) throw new AppError("CONFLICT", "Add member organisations to the partnership first");
  const audit: AuditContext = options.audit ?? { actorUserId: null, actorLabel: "demo data" };
  // The demo writes as a platform administrator would: every policy check passes.
  const actor: Actor = {
    userId: audit.actorUserId ?? "00000000-0000-0000-0000-000000000000",
    email: "demo@example.invalid",
    name: "Demo data",
    organisationId: members[0]!.id,
    isPlatformAdmin: true,
    coordinatorNations: [],
    partnershipRoles: new Map(),
  };
  const year =
    options.financialYear ??
    shiftPeriod(periodOf(options.asOf ? londonDate(options.asOf) : londonToday()), -4).startYear;
  const scotland = partnership.nation === "scotland";
  const rand = seededRandom(20_100_000 + year);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
  const pid = partnership.id;
  const measurePlans = await demoMeasurePlans(db, partnership.areaCode);
  const memberTypes = await listMembers(db, pid);
  const localityPlan = await demoLocalityPlan(db, partnership);

  const text = localiseAll(strategyText(partnership.areaName, year), partnership.nation);
  const priorityList = localiseAll(priorityTemplates, partnership.nation);
  await saveStrategy(db, audit, pid, { ...text, startYear: year, endYear: year + 3, status: "draft" });
  const priorities = [];
  for (const [index, template] of priorityList.entries()) {
    const priority = await addPriority(db, audit, pid, {
      title: template.title,
      description: template.description,
      position: index + 1,
    });
    for (const evidence of template.evidence)
      await addEvidence(db, audit, pid, { type: "priority", id: priority.id }, evidence);
    priorities.push(priority);
  }
  for (const choice of text.choices) await addChoice(db, audit, pid, choice);
  for (const related of text.related) await addRelated(db, audit, pid, related);
  await addSignOff(db, audit, pid, {
    name: `Convener, ${partnership.areaName} Council`,
    role: "elected-member",
    signedOn: iso(year, 6, 12),
  });
  await addSignOff(db, audit, pid, { name: "Chief Executive", role: "senior-executive", signedOn: iso(year, 6, 19) });
  await saveStrategy(db, audit, pid, { ...text, startYear: year, endYear: year + 3, status: "signed-off" });

  const count = options.actions ?? 44;
  let updates = 0;
  const periods = [1, 2, 3, 4].map((quarter) => ({ startYear: year, quarter: quarter as 1 | 2 | 3 | 4 }));
  for (let index = 0; index < count; index++) {
    const original = actionTemplates[index % actionTemplates.length]!;
    const template = localiseAll(original, partnership.nation);
    const phase = Math.floor(index / actionTemplates.length);
    const leadId = leadFor(original.title, memberTypes);
    const lead = members.find((member) => member.id === leadId)!;
    const partners = members.filter((member) => member.id !== lead.id && rand() < 0.3).map((member) => member.id);
    const startMonth = 4 + Math.floor(rand() * 6);
    const short = rand() < 0.15; // a few short actions that end within the year (some overdue)
    const action = await createAction(db, audit, actor, partnership, {
      reference: `A${String(index + 1).padStart(2, "0")}`,
      title: phase ? `${template.title} (phase ${phase + 1})` : template.title,
      description: template.description,
      priorityIds: [priorities[template.priority]!.id, ...(rand() < 0.2 ? [pick(priorities).id] : [])].filter(
        (id, i, all) => all.indexOf(id) === i,
      ),
      leadOrganisationId: lead.id,
      partnerIds: partners,
      startDate: iso(year, startMonth, 1),
      endDate: short ? iso(year, startMonth + 5, 28) : iso(year + 3, 3, 31),
      drivers: scotland ? template.drivers : template.blocks,
      familyTypes: template.families ? template.families.split(" ").map((code) => familyCodes[code]!) : [],
      flags: [
        ...(template.flags.includes("i") ? (["income-maximisation"] as const) : []),
        ...(template.flags.includes("p") ? (["protected-characteristics"] as const) : []),
      ],
    });
    // Most actions cite the evidence of their priority; a few are left unlinked (and flagged).
    if (index % 6 !== 5) {
      const evidence = priorityList[template.priority]!.evidence;
      await addEvidence(db, audit, pid, { type: "action", id: action.id }, evidence[index % evidence.length]!);
    }
    const annual = (5 + Math.floor(rand() * 95)) * 100_000; // £5,000 to £99,000 a year
    const source = localise(
      pick([
        "Council core budget",
        "Health board budget",
        "Child poverty fund",
        "Employability grant",
        "Partner in-kind",
      ]),
      partnership.nation,
    );
    const arrangement = pick(["pooled", "aligned", "single"] as const);
    for (const offset of [0, 1]) {
      await addBudget(db, audit, pid, action.id, {
        financialYear: financialYearLabel(year + offset),
        amountPence: annual,
        source,
        arrangement,
      });
    }
    // Every third action is measured against the indicator store, its baseline read from it; an
    // area without the demo series keeps a made-up baseline. rand() is drawn either way, so the
    // rest of the plan is the same with or without the store.
    if (index % 3 === 0) {
      const madeUp = 22 + Math.round(rand() * 60) / 10;
      await addIndicator(
        db,
        audit,
        pid,
        action.id,
        measurePlans[(index / 3) % Math.max(1, measurePlans.length)] ?? {
          indicatorRef: "demo-children-low-income-percentage",
          label: "Children in relative low income families (Fictional demo data), %",
          baseline: madeUp,
          baselinePeriod: financialYearLabel(year - 2),
          target: 18,
          targetDate: iso(year + 3, 3, 31),
        },
      );
    }
    // The first action (welfare rights advice in GP practices serving the most deprived areas) is
    // also measured for a locality, where the partnership has one.
    if (index === 0 && localityPlan) await addIndicator(db, audit, pid, action.id, localityPlan);
    const milestones = [];
    for (const [m, title] of [
      "Service design agreed with partners",
      "Service live",
      "First evaluation report",
    ].entries()) {
      milestones.push(await addMilestone(db, audit, pid, action.id, { title, dueDate: iso(year, 6 + m * 4, 30) }));
    }

    // A year of quarterly updates: mostly on track, some slipping, a few missing the last quarter.
    let percent = 0;
    let spend = 0;
    let families = 0;
    const skipLast = rand() < 0.12;
    const recordedUpdates: Awaited<ReturnType<typeof recordUpdate>>[] = [];
    for (const [q, period] of periods.entries()) {
      if (skipLast && q === 3) break;
      if (short && q === 3) break; // ended, never closed: shows as overdue
      percent = Math.min(100, percent + 10 + Math.floor(rand() * 20));
      spend += Math.floor(annual / 4 - rand() * (annual / 10));
      families += Math.floor(rand() * 40);
      const roll = rand();
      let status: RagStatus = roll < 0.12 ? "red" : roll < 0.3 ? "amber" : "green";
      if (q === 0 && roll > 0.9) status = "not-started";
      if (q === 3 && percent >= 90 && rand() < 0.5) {
        status = "complete";
        percent = 100;
      }
      const reason =
        status === "red"
          ? pick(["Staff vacancy not yet filled", "Funding decision delayed", "Venue no longer available"])
          : status === "amber"
            ? pick([
                "Referrals lower than planned",
                "Data sharing agreement still in progress",
                "Recruitment taking longer than planned",
              ])
            : "";
      const recorded = await recordUpdate(
        db,
        audit,
        pid,
        action.id,
        {
          period: formatPeriod(period),
          status,
          reason,
          percentComplete: percent,
          narrative: `${formatPeriod(period)}: ${families} families supported so far. ${status === "green" ? "On track." : reason}`,
          spendToDatePence: spend,
          peopleReached: families * 3,
          familiesReached: families,
          evidenceUrls: [],
          milestoneIds: [],
        },
        periodEnd(period),
      );
      updates++;
      recordedUpdates.push(recorded);
      if (q < milestones.length && percent >= 15 + 25 * q)
        await markMilestone(db, audit, pid, action.id, milestones[q]!.id, periodEnd(period));
    }
    await correctAndWithdraw(db, audit, pid, action.id, index, recordedUpdates);
  }

  for (const assessment of text.proofing)
    await saveAssessment(db, audit, pid, null, localiseAll(assessment(scotland), partnership.nation));
  return { financialYear: financialYearLabel(year), priorities: priorities.length, actions: count, updates };
}
