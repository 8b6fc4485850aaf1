import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { createUser, findUserByEmail } from "../../workspace/access/index.ts";
import { createOrganisation, findOrganisationByName } from "../../workspace/organisations/index.ts";
import {
  addMember,
  findGroup,
  findMemberByOrganisation,
  type GroupRow,
  listMembers,
  saveGroup,
  saveProfile,
  setMemberPerson,
} from "../../national/partners-group/index.ts";
import { type OfferForm, type SupportType, saveOffer } from "../../national/support-offer/index.ts";

/** Clearly fictional national bodies: none is a real organisation. */
export const demoBodies = [
  {
    name: "Scottish Child Poverty Coordination Unit (demo)",
    whoWeAre:
      "A fictional national improvement body that hosts the national coordinator for local child poverty action reports.",
    whatWeOffer:
      "Peer review, self-assessment, help with needs assessments and strategies, and the network of local leads.",
    howToEngage: "Ask for support through the hub, or come to the leads' network every two months.",
    aims: "Every partnership publishing a report that shows what changed for families.",
  },
  {
    name: "Caledonia Public Health Agency (demo)",
    whoWeAre: "A fictional national public health agency working on poverty, place and wellbeing.",
    whatWeOffer: "Data and analysis for needs assessments, evidence reviews and the effective practice library.",
    howToEngage: "Request data support through the hub; we answer within two weeks.",
    aims: "Better local use of data on child poverty and its drivers.",
  },
  {
    name: "Northern Poverty Research Unit (demo)",
    whoWeAre: "A fictional university research group studying poverty and inequality.",
    whatWeOffer: "Research briefings, evaluation advice and help to design local evaluations.",
    howToEngage: "Email the contact below or ask through the hub.",
    aims: "Stronger evidence of what works locally.",
  },
  {
    name: "Families Advice Charity Scotland (demo)",
    whoWeAre: "A fictional charity giving frontline workers practical help with social security.",
    whatWeOffer: "Training on benefits and income maximisation for frontline staff, and policy briefings.",
    howToEngage: "Book training through the hub; courses run monthly online.",
    aims: "Every family getting the income it is entitled to.",
  },
  {
    name: "Scottish Anti-Poverty Alliance (demo)",
    whoWeAre: "A fictional network of organisations and people working to end poverty.",
    whatWeOffer: "Help to involve people with experience of poverty, and consultation support.",
    howToEngage: "Ask through the hub at least six weeks before you want to consult.",
    aims: "People with experience of poverty shaping local plans.",
  },
  {
    name: "Scottish Councils Improvement Network (demo)",
    whoWeAre: "A fictional network supporting councils' leadership and improvement.",
    whatWeOffer: "Leadership development for senior officers and elected members, and sector-led tailored support.",
    howToEngage: "Contact us through the hub to arrange a conversation.",
    aims: "Child poverty kept high on every council's agenda.",
  },
  {
    name: "Children's Workforce Academy Scotland (demo)",
    whoWeAre: "A fictional national body for the children and families workforce.",
    whatWeOffer: "Workforce development: poverty-aware practice courses and materials.",
    howToEngage: "Request a course for your area through the hub.",
    aims: "A workforce that recognises and responds to poverty.",
  },
] as const;

type BodyName = (typeof demoBodies)[number]["name"];

const offers: (Omit<OfferForm, "providerIds"> & { providers: BodyName[] })[] = [
  {
    title: "Peer review of your draft action report",
    supportType: "peer-review",
    providers: ["Scottish Child Poverty Coordination Unit (demo)", "Scottish Councils Improvement Network (demo)"],
    format: "one-to-one",
    description: "Two leads from other areas read your draft and meet you to discuss it.",
    audience: "Local child poverty leads",
    capacity: "Eight reviews a year",
    howToRequest: "Request it at least six weeks before your sign-off date.",
    status: "available",
  },
  {
    title: "Needs assessment clinic",
    supportType: "needs-assessment",
    providers: ["Caledonia Public Health Agency (demo)", "Scottish Child Poverty Coordination Unit (demo)"],
    format: "one-to-one",
    description: "An hour with an analyst to plan your assessment and the data it needs.",
    audience: "Leads and analysts",
    capacity: "Two clinics a month",
    howToRequest: "Request through the hub.",
    status: "available",
  },
  {
    title: "Leadership programme for child poverty leads",
    supportType: "leadership",
    providers: ["Scottish Councils Improvement Network (demo)"],
    format: "training",
    description: "Four sessions on leading across a partnership and influencing budgets.",
    audience: "Senior officers",
    capacity: "20 places a cohort",
    howToRequest: "Apply through the hub before each cohort.",
    status: "available",
  },
  {
    title: "Elected member briefing",
    supportType: "leadership",
    providers: ["Scottish Councils Improvement Network (demo)"],
    format: "training",
    description: "A one-hour briefing for councillors on their role in tackling child poverty.",
    audience: "Elected members",
    capacity: "On request",
    howToRequest: "Request through the hub.",
    status: "available",
  },
  {
    title: "Local leads' network",
    supportType: "networking",
    providers: ["Scottish Child Poverty Coordination Unit (demo)", "Scottish Anti-Poverty Alliance (demo)"],
    format: "network",
    description: "Every two months: shared problems, new practice and national updates.",
    audience: "Local child poverty leads",
    capacity: "Open to all",
    howToRequest: "Join through the hub.",
    status: "available",
  },
  {
    title: "Strategy development support",
    supportType: "tailored-support",
    providers: ["Scottish Councils Improvement Network (demo)", "Scottish Child Poverty Coordination Unit (demo)"],
    format: "one-to-one",
    description: "Facilitated workshops to agree priorities and link them to the needs assessment.",
    audience: "Partnership boards",
    capacity: "Four areas a year",
    howToRequest: "Request through the hub.",
    status: "available",
  },
  {
    title: "Poverty-aware practice course",
    supportType: "workforce-development",
    providers: ["Children's Workforce Academy Scotland (demo)"],
    format: "training",
    description: "A half-day course for frontline staff on recognising and responding to poverty.",
    audience: "Frontline staff",
    capacity: "Monthly, online",
    howToRequest: "Book through the hub.",
    status: "available",
  },
  {
    title: "Income maximisation training",
    supportType: "workforce-development",
    providers: ["Families Advice Charity Scotland (demo)"],
    format: "training",
    description: "Benefits and entitlements for health visitors, teachers and family workers.",
    audience: "Frontline staff",
    capacity: "Monthly, online",
    howToRequest: "Book through the hub.",
    status: "available",
  },
  {
    title: "Effective practice library curation",
    supportType: "effective-practice",
    providers: ["Caledonia Public Health Agency (demo)", "Northern Poverty Research Unit (demo)"],
    format: "online",
    description: "We review case studies you propose and rate their evidence.",
    audience: "Everyone",
    capacity: "Continuous",
    howToRequest: "Propose a case study from your action plan.",
    status: "available",
  },
  {
    title: "Policy and research briefings",
    supportType: "knowledge",
    providers: ["Northern Poverty Research Unit (demo)", "Families Advice Charity Scotland (demo)"],
    format: "online",
    description: "Quarterly briefings on national policy and new research.",
    audience: "Everyone",
    capacity: "Quarterly",
    howToRequest: "Read them in the hub; ask for a talk through the hub.",
    status: "available",
  },
  {
    title: "Local child poverty data pack",
    supportType: "data",
    providers: ["Caledonia Public Health Agency (demo)"],
    format: "data-service",
    description: "An annual pack of indicators for your area, with comparisons.",
    audience: "Leads and analysts",
    capacity: "Every area, annually",
    howToRequest: "Request through the hub.",
    status: "available",
  },
  {
    title: "Small-area data analysis",
    supportType: "data",
    providers: ["Caledonia Public Health Agency (demo)", "Northern Poverty Research Unit (demo)"],
    format: "data-service",
    description: "Analysis of data zone figures with disclosure control applied.",
    audience: "Analysts",
    capacity: "Six areas a year",
    howToRequest: "Request through the hub.",
    status: "paused",
  },
  {
    title: "Involving families with experience of poverty",
    supportType: "consultation",
    providers: ["Scottish Anti-Poverty Alliance (demo)"],
    format: "one-to-one",
    description: "Help to plan and run consultation with families, paying them for their time.",
    audience: "Partnerships",
    capacity: "Six areas a year",
    howToRequest: "Request at least six weeks ahead.",
    status: "available",
  },
  {
    title: "Self-assessment framework",
    supportType: "self-assessment",
    providers: ["Scottish Child Poverty Coordination Unit (demo)"],
    format: "guidance",
    description: "A framework to rate your partnership's progress, with a facilitated session.",
    audience: "Partnership boards",
    capacity: "On request",
    howToRequest: "Download it, or request a facilitated session.",
    status: "available",
  },
];

export const demoNationalPartner = {
  name: "Ailsa Grant",
  email: "partner.scotland@example.org",
  password: "demo-national-partner-scotland",
  organisation: "Caledonia Public Health Agency (demo)" as BodyName,
};

/** Scotland's fictional national partners group: member bodies with profiles, offers across the matrix, one partner sign-in. */
export async function seedPartnersGroup(db: Db, audit: AuditContext): Promise<{ group: GroupRow; created: boolean }> {
  const existing = await findGroup(db, "scotland");
  if (existing) return { group: existing, created: false };
  const group = await saveGroup(db, audit, "scotland", {
    name: "Scottish National Partners Group (fictional demo)",
    remit:
      "Coordinates national support for local authorities and health boards with their local child poverty action reports: support and guidance that answers local needs, a joint plan of support informed by local leads' feedback, and effective practice shared.",
    meetingIntervalWeeks: 4,
  });
  const members = new Map<string, string>();
  for (const body of demoBodies) {
    const organisation =
      (await findOrganisationByName(db, body.name)) ??
      (await createOrganisation(db, audit, { name: body.name, type: "national-body", gssCode: null }));
    const member =
      (await findMemberByOrganisation(db, group.id, organisation.id)) ??
      (await addMember(db, audit, group.id, organisation.id));
    await saveProfile(db, audit, group.id, member.id, {
      whoWeAre: body.whoWeAre,
      whatWeOffer: body.whatWeOffer,
      howToEngage: body.howToEngage,
      aims: body.aims,
      contactName: "Support desk (fictional)",
      contactEmail: "support@example.org",
      website: "",
    });
    members.set(body.name, member.id);
  }
  for (const offer of offers) {
    const { providers, ...form } = offer;
    await saveOffer(db, audit, group.id, null, {
      ...form,
      supportType: form.supportType as SupportType,
      providerIds: providers.map((name) => members.get(name)!),
    });
  }
  const partnerOrganisation = await findOrganisationByName(db, demoNationalPartner.organisation);
  const user =
    (await findUserByEmail(db, demoNationalPartner.email)) ??
    (
      await createUser(db, audit, {
        name: demoNationalPartner.name,
        email: demoNationalPartner.email,
        organisationId: partnerOrganisation!.id,
        password: demoNationalPartner.password,
      })
    ).user;
  await setMemberPerson(db, audit, group, members.get(demoNationalPartner.organisation)!, {
    userId: user.id,
    partner: true,
  });
  return { group, created: true };
}

export async function memberIdsByName(
  db: Db,
  groupId: string,
): Promise<Map<string, { id: string; organisationId: string }>> {
  return new Map(
    (await listMembers(db, groupId)).map((member) => [
      member.organisationName,
      { id: member.id, organisationId: member.organisationId },
    ]),
  );
}
