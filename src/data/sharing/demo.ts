import type { AuditContext } from "../../kernel/audit/audit.ts";
import { type Nation, nations } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { addDays, londonToday } from "../../kernel/time.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import type { AgreementInput } from "./agreement-schema.ts";
import { addToAgreement, saveAgreement } from "./agreement-service.ts";
import { savePrinciples } from "./principles-service.ts";
import { latestPrinciples, listTemplates } from "./repository.ts";
import { defaultCriteria } from "./risk.ts";
import type { TemplateInput } from "./template-service.ts";
import { saveTemplate } from "./template-service.ts";

// Everything here is fictional demo data.

const templates: TemplateInput[] = [
  {
    title: "Aggregate child poverty statistics for the needs assessment (demo)",
    summary: "Counts by ward or data zone, suppressed below 10, shared once a year for the needs assessment.",
    purpose: "To describe the distribution of child poverty across the area in the child poverty needs assessment.",
    lawfulBasis: "e",
    specialCategory: false,
    article9Condition: null,
    schedule1Condition: null,
    dataItems: "Households with children by ward\nHouseholds receiving Universal Credit with children by ward",
    level: "aggregate",
    frequency: "annually",
    childrenData: false,
    volume: "large",
    onwardSharing: false,
    securityMeasures: "Counts below 10 suppressed before sharing; sent by secure file transfer.",
  },
  {
    title: "Family support referrals between health and the council (demo)",
    summary: "Named referrals of families with young children from health visiting to family support.",
    purpose: "To offer early help to families with young children identified by health visitors.",
    lawfulBasis: "e",
    specialCategory: true,
    article9Condition: "h",
    schedule1Condition: "p1-2",
    dataItems: "Parent and child names\nAddress\nDate of birth of the child\nReason for referral",
    level: "record-level",
    frequency: "on-request",
    childrenData: true,
    volume: "small",
    onwardSharing: false,
    securityMeasures:
      "Secure email between named officers; records kept in the case system only; deleted after 2 years.",
  },
];

/** Starting principles for every nation (England with a second, stricter version) and two templates each. */
export async function seedSharingNationalDemo(db: Executor, audit: AuditContext): Promise<void> {
  for (const nation of nations) {
    if (!(await latestPrinciples(db, nation))) {
      await savePrinciples(
        db,
        audit,
        nation,
        { criteria: defaultCriteria, note: "First national principles (fictional demo)." },
        "Demo coordinator",
      );
      if (nation === "england") {
        await savePrinciples(
          db,
          audit,
          nation,
          {
            criteria: { ...defaultCriteria, childrenData: 3, highFrom: 8 },
            note: "Children's data weighs more; high risk from 8 points (fictional demo).",
          },
          "Demo coordinator",
        );
      }
    }
    if ((await listTemplates(db, nation)).length === 0) {
      for (const template of templates) await saveTemplate(db, audit, nation as Nation, null, template);
    }
  }
}

/** Three agreements at low, medium and high risk (the medium one due for review) for a new demo partnership. */
export async function seedSharingAgreementsDemo(
  db: Executor,
  audit: AuditContext,
  partnership: { id: string; nation: Nation },
  today = londonToday(),
): Promise<void> {
  const members = await listMembers(db, partnership.id);
  const [first, second, third] = members.map((member) => member.organisationId);
  if (!first || !second) return;
  const base = {
    externalParties: [],
    article9Condition: null,
    schedule1Condition: null,
    specialCategory: false,
    onwardSharing: false,
    dpiaReference: "",
    endDate: null,
    status: "draft" as const,
  };
  const specs: AgreementInput[] = [
    {
      ...base,
      title: "Healthy Start uptake by ward (demo)",
      parties: [first, second],
      purpose: "To target promotion of Healthy Start where uptake is lowest.",
      lawfulBasis: "e",
      dataItems: "Eligible households by ward\nHouseholds claiming by ward",
      level: "aggregate",
      frequency: "quarterly",
      childrenData: false,
      volume: "medium",
      dpiaStatus: "not-needed",
      securityMeasures: "Counts below 10 suppressed; shared through the partnership's secure site.",
      startDate: addDays(today, -300),
      reviewDate: addDays(today, 200),
      endDate: addDays(today, 430),
    },
    {
      ...base,
      title: "Pseudonymised council tax reduction and free school meals records (demo)",
      parties: [first, third ?? second],
      purpose: "To estimate how many eligible families do not claim free school meals, for the needs assessment.",
      lawfulBasis: "e",
      dataItems:
        "Pseudonymised household key\nCouncil tax reduction award\nFree school meals eligibility\nNumber of children",
      level: "pseudonymised",
      frequency: "annually",
      childrenData: true,
      volume: "medium",
      dpiaStatus: "completed",
      dpiaReference: "DPIA-2025-014 (demo)",
      securityMeasures:
        "Keys held by the council only; analysis in a secure environment; outputs checked before release.",
      startDate: addDays(today, -350),
      reviewDate: addDays(today, 14),
    },
    {
      ...base,
      title: "Health visiting referrals to family support (demo)",
      parties: [first, second],
      externalParties: ["Northgate Family Hubs Trust (demo)"],
      purpose: "To offer early help to families with young children identified by health visitors.",
      lawfulBasis: "e",
      specialCategory: true,
      article9Condition: "h",
      schedule1Condition: "p1-2",
      dataItems: "Parent and child names\nAddress\nChild's date of birth\nReason for referral",
      level: "record-level",
      frequency: "on-request",
      childrenData: true,
      volume: "small",
      dpiaStatus: "completed",
      dpiaReference: "DPIA-2024-031 (demo)",
      securityMeasures: "Secure email between named officers; case system only; deleted after 2 years.",
      startDate: addDays(today, -120),
      reviewDate: addDays(today, 150),
      endDate: addDays(today, 610),
    },
  ];
  for (const spec of specs) {
    const draft = await saveAgreement(db, audit, partnership, null, spec);
    await addToAgreement(db, audit, partnership.id, draft.id, "signatories", {
      name: "Alex Morgan (demo)",
      role: "Data Protection Officer",
      organisation: members[0]!.name,
      signedOn: addDays(spec.startDate, -7),
    });
    await addToAgreement(db, audit, partnership.id, draft.id, "documents", {
      title: "Signed agreement (demo link)",
      url: "https://example.org/demo/data-sharing-agreement.pdf",
    });
    await saveAgreement(db, audit, partnership, draft.id, { ...spec, status: "agreed" });
  }
}
