import type { AuditContext } from "../../kernel/audit/audit.ts";
import { type Actor, nationLabels, type PartnershipRole, partnershipRoles } from "../../kernel/auth/policy.ts";
import type { Database, Db } from "../../kernel/db/database.ts";
import {
  createUser,
  findUserByEmail,
  partnershipRoleOf,
  setCoordinatorNation,
  setPartnershipRole,
} from "../../workspace/access/index.ts";
import { createOrganisation, findOrganisationByName } from "../../workspace/organisations/index.ts";
import {
  addMemberOrganisation,
  createPartnership,
  findPartnershipByName,
  listMembers,
  type PartnershipRow,
} from "../../workspace/partnerships/index.ts";
import { seedBudgetsDemo } from "../../cycle/budgets/index.ts";
import { seedGovernanceDemo } from "../../cycle/governance/index.ts";
import { seedMeetingsDemo } from "../../cycle/meetings/index.ts";
import { seedPrioritisationDemo } from "../../cycle/prioritisation/index.ts";
import { seedFeedbackDemo } from "../../national/national/index.ts";
import { seedNeedsAssessmentDemo } from "../../cycle/needs-assessment/index.ts";
import { seedReportDemo } from "../../cycle/reports/index.ts";
import { consultationPaths, livedExperienceOf, seedConsultationDemo } from "../../cycle/consultation/index.ts";
import { buildDemoStrategy } from "../strategy/index.ts";
import { seedHubDemo } from "../hub/index.ts";
import {
  admin,
  coordinators,
  type DemoPerson,
  demoPartnerships,
  nationalOrganisations,
  partnershipOrganisations,
} from "./demo-data.ts";
import { seedSharingAgreementsDemo, seedSharingNationalDemo } from "../../data/sharing/index.ts";
import { seedAccessDemo } from "./access-demo.ts";
import { seedIndicatorDemo } from "./indicator-demo.ts";
import { seedLocalitiesDemo, seedSmallAreaDemo } from "./small-area-demo.ts";

export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
  partnership: string | null;
}

export const demoAuditContext: AuditContext = { actorUserId: null, actorLabel: "demo" };

async function organisationId(db: Db, context: AuditContext, name: string): Promise<string> {
  const existing = await findOrganisationByName(db, name);
  if (existing) return existing.id;
  const spec = [...nationalOrganisations, ...partnershipOrganisations].find(
    (organisation) => organisation.name === name,
  );
  if (!spec) throw new Error(`demo data names an unknown organisation: ${name}`);
  const created = await createOrganisation(db, context, {
    name: spec.name,
    type: spec.type,
    gssCode: spec.gssCode ?? null,
  });
  return created.id;
}

/** Returns the user's id and whether this run created them (only new people get grants). */
async function ensureUser(
  db: Db,
  context: AuditContext,
  person: DemoPerson,
  isPlatformAdmin = false,
): Promise<{ id: string; created: boolean }> {
  const existing = await findUserByEmail(db, person.email);
  if (existing) return { id: existing.id, created: false };
  const { user } = await createUser(db, context, {
    name: person.name,
    email: person.email,
    organisationId: await organisationId(db, context, person.organisation),
    isPlatformAdmin,
    password: person.password,
  });
  return { id: user.id, created: true };
}

/**
 * Creates the fictional demo through the same services as the pages, so it is audited like
 * any other change. Anything that already exists is kept as it is, so running it again
 * changes nothing. Returns the sign-ins to show to whoever runs the demo.
 */
export async function seedDemo(database: Database, context: AuditContext = demoAuditContext): Promise<DemoSignIn[]> {
  const db = database.db;
  const signIns: DemoSignIn[] = [];
  for (const organisation of [...nationalOrganisations, ...partnershipOrganisations])
    await organisationId(db, context, organisation.name);

  await ensureUser(db, context, admin, true);
  signIns.push({ role: "Service administrator", email: admin.email, password: admin.password, partnership: null });
  for (const coordinator of coordinators) {
    const user = await ensureUser(db, context, coordinator);
    if (user.created)
      await setCoordinatorNation(db, context, { userId: user.id, nation: coordinator.nation, coordinator: true });
    signIns.push({
      role: `National coordinator (${nationLabels[coordinator.nation]})`,
      email: coordinator.email,
      password: coordinator.password,
      partnership: null,
    });
  }

  // Each nation's principles on data sharing and its templates, before any agreement is assessed.
  await seedSharingNationalDemo(db, context);

  // Fictional indicator values for the partnerships' areas, before their needs assessments and reports read them.
  await seedIndicatorDemo(db, context);
  // The first partnership's real small areas with fictional values, for its localities.
  await seedSmallAreaDemo(db, context);

  for (const spec of demoPartnerships) {
    const existing = await findPartnershipByName(db, spec.name);
    const partnership =
      existing ??
      (await createPartnership(
        db,
        context,
        { name: spec.name, nation: spec.nation, areaCode: spec.areaCode, areaName: spec.areaName },
        { isFictional: true },
      ));
    const memberIds = new Set((await listMembers(db, partnership.id)).map((member) => member.organisationId));
    for (const member of spec.members) {
      const id = await organisationId(db, context, member.organisation);
      if (!memberIds.has(id))
        await addMemberOrganisation(db, context, partnership.id, { organisationId: id, role: member.role });
    }
    for (const role of partnershipRoles) {
      const person = spec.people[role];
      const { id: userId } = await ensureUser(db, context, person);
      // Keep whatever role someone has since been given; only grant a missing one.
      if (!(await partnershipRoleOf(db, userId, partnership.id))) {
        await setPartnershipRole(db, context, { userId, partnershipId: partnership.id, role });
      }
      signIns.push({
        role: role.charAt(0).toUpperCase() + role.slice(1),
        email: person.email,
        password: person.password,
        partnership: spec.name,
      });
    }
    // The partnership's working records are seeded once, when it is first created; its localities
    // first, so an action can be measured for one.
    if (!existing) await seedLocalitiesDemo(db, context, partnership);
    if (!existing) await seedWorkingRecords(db, partnership, spec.nation);
    if (!existing && spec.representatives) await seedPrioritisation(db, context, partnership, spec);
    // The first partnership's restricted indicator and embargoed import (skipped when already there).
    if (spec === demoPartnerships[0])
      await seedAccessDemo(db, context, partnership, {
        lead: spec.people.lead.email,
        editor: spec.people.editor.email,
      });
  }
  // A whole nation of lighter partnerships, the national partners' hub and the practice library.
  signIns.push(...(await seedHubDemo(db, context)));
  return signIns;
}

/**
 * A closed and decided prioritisation round scored by five member organisations: the lead's,
 * the editor's and the further representatives' (made editors here).
 */
async function seedPrioritisation(
  db: Db,
  context: AuditContext,
  partnership: PartnershipRow,
  spec: (typeof demoPartnerships)[number],
): Promise<void> {
  const actorOf = async (person: DemoPerson, role: PartnershipRole): Promise<Actor> => {
    const { id: userId } = await ensureUser(db, context, person);
    if (!(await partnershipRoleOf(db, userId, partnership.id)))
      await setPartnershipRole(db, context, { userId, partnershipId: partnership.id, role });
    return {
      userId,
      email: person.email,
      name: person.name,
      organisationId: await organisationId(db, context, person.organisation),
      isPlatformAdmin: false,
      coordinatorNations: [],
      partnershipRoles: new Map([[partnership.id, role]]),
    };
  };
  const lead = await actorOf(spec.people.lead, "lead");
  const editor = await actorOf(spec.people.editor, "editor");
  const others = [];
  for (const person of spec.representatives ?? []) others.push(await actorOf(person, "editor"));
  await seedPrioritisationDemo(db, demoAuditContext, partnership, lead, [lead, editor, ...others]);
}

/** Governance, meetings, budgets, strategy with actions and updates, and review feedback for a newly created demo partnership. */
async function seedWorkingRecords(db: Db, partnership: PartnershipRow, nation: string): Promise<void> {
  const memberIds = (await listMembers(db, partnership.id)).map((member) => member.organisationId);
  await seedGovernanceDemo(db, partnership);
  // The strategy and its actions come first so meetings and budgets can link to them.
  const strategy = await buildDemoStrategy(db, { partnershipId: partnership.id, audit: demoAuditContext });
  await seedMeetingsDemo(db, partnership.id, memberIds);
  await seedBudgetsDemo(db, partnership.id, memberIds);
  // Data-sharing agreements at low, medium and high risk, one due for review, in the first (English) demo.
  if (nation === "england") await seedSharingAgreementsDemo(db, demoAuditContext, partnership);
  // After the strategy, so a priority can link to a finding; the English demo also gets a publication.
  await seedNeedsAssessmentDemo(db, partnership, demoAuditContext, { publishFirst: nation === "england" });
  // Consultations before the report, whose lived-experience section draws on the closed one.
  await seedConsultationDemo(db, demoAuditContext, partnership, strategy.financialYear);
  // The year's report, drafted from the updates just recorded; Scotland's LCPAR is published.
  await seedReportDemo(db, demoAuditContext, partnership, strategy.financialYear, {
    publish: nation === "scotland",
    sources: { livedExperience: livedExperienceOf },
    links: { consultation: consultationPaths.register },
  });
  const coordinator = coordinators.find((person) => person.nation === nation);
  if (coordinator) {
    const user = await findUserByEmail(db, coordinator.email);
    await seedFeedbackDemo(db, partnership.id, { userId: user?.id ?? null, name: coordinator.name });
  }
}
