import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { findUserByEmail } from "../../workspace/access/index.ts";
import { findOrganisationByName } from "../../workspace/organisations/index.ts";
import { findPartnershipByName } from "../../workspace/partnerships/index.ts";
import { addDays, londonToday } from "../../cycle/meetings/index.ts";
import type { GroupRow } from "../../national/partners-group/index.ts";
import { addProgress, saveActivity } from "../../national/joint-plan/index.ts";
import type { SupportType } from "../../national/support-offer/index.ts";
import {
  type Author,
  assignRequest,
  closeRequest,
  createRequest,
  declineRequest,
  dueByFor,
  findGroupRequest,
  mergeRequest,
  postMessage,
  backdateRequestForDemo,
  type Urgency,
} from "../../national/support-requests/index.ts";
import { lightPartnershipName } from "./areas.ts";
import { memberIdsByName } from "./group.ts";

type Step =
  | { assign: string; note?: string }
  | { reply: string; side: "hub" | "local"; note?: boolean; moveTo?: "in-progress" | "done" }
  | { decline: string }
  | { mergeInto: number }
  | { close: number; feedback: string };

interface DemoRequest {
  area: string;
  supportType: SupportType;
  topic: string;
  drivers: string[];
  urgency: Urgency;
  details: string;
  daysAgo: number;
  steps: Step[];
}

const coordinationUnit = "Scottish Child Poverty Coordination Unit (demo)";
const healthAgency = "Caledonia Public Health Agency (demo)";

const requests: DemoRequest[] = [
  {
    area: "Dundee City",
    supportType: "peer-review",
    topic: "Peer review of our draft action report",
    drivers: ["social-security:take-up"],
    urgency: "soon",
    details: "We would like two other leads to read our draft before the board signs it off.",
    daysAgo: 210,
    steps: [
      { assign: coordinationUnit, note: "Thank you: the unit will arrange two reviewers." },
      { reply: "Two reviewers are booked for the 14th.", side: "hub", moveTo: "in-progress" },
      { reply: "Reviewers' notes sent; happy to talk them through.", side: "hub", moveTo: "done" },
      { close: 5, feedback: "Very useful: the reviewers spotted gaps in our income maximisation section." },
    ],
  },
  {
    area: "Dundee City",
    supportType: "data",
    topic: "Data zone analysis for our needs assessment",
    drivers: ["costs:housing", "employment:hours-worked"],
    urgency: "soon",
    details: "We need child poverty figures for our data zones with disclosure control applied.",
    daysAgo: 20,
    steps: [
      { assign: healthAgency },
      { reply: "We have the extract and are checking small counts.", side: "hub", moveTo: "in-progress" },
      { reply: "Check whether the council's housing team can share rent arrears data too.", side: "hub", note: true },
    ],
  },
  {
    area: "Glasgow City",
    supportType: "consultation",
    topic: "Involving lone parents in our consultation",
    drivers: ["employment:hours-worked"],
    urgency: "routine",
    details: "Help to plan sessions with lone parents in two neighbourhoods.",
    daysAgo: 6,
    steps: [],
  },
  {
    area: "Highland",
    supportType: "knowledge",
    topic: "Evidence on rural transport costs for families",
    drivers: ["costs:other"],
    urgency: "routine",
    details: "What is known about transport costs for families in remote areas?",
    daysAgo: 75,
    steps: [
      {
        decline: "No member body holds this evidence at present; we have added rural costs to the joint plan's themes.",
      },
    ],
  },
  {
    area: "Fife",
    supportType: "workforce-development",
    topic: "Benefits training for health visitors",
    drivers: ["social-security:take-up"],
    urgency: "soon",
    details: "Training for 40 health visitors on benefits for families with young children.",
    daysAgo: 100,
    steps: [{ assign: "Families Advice Charity Scotland (demo)" }],
  },
  {
    area: "Orkney Islands",
    supportType: "self-assessment",
    topic: "Facilitated self-assessment session",
    drivers: [],
    urgency: "routine",
    details: "A facilitated session with our partnership board using the framework.",
    daysAgo: 60,
    steps: [
      { assign: coordinationUnit },
      { reply: "Session held online; the write-up is attached to the request.", side: "hub", moveTo: "done" },
    ],
  },
  {
    area: "Aberdeen City",
    supportType: "leadership",
    topic: "Briefing for newly elected councillors",
    drivers: [],
    urgency: "soon",
    details: "A briefing on councillors' role in tackling child poverty.",
    daysAgo: 150,
    steps: [
      { assign: "Scottish Councils Improvement Network (demo)", note: "Assigned to the improvement network." },
      { reply: "Briefing delivered to 18 councillors.", side: "hub", moveTo: "done" },
      { close: 4, feedback: "Good session; more on budgets next time please." },
    ],
  },
  {
    area: "Glasgow City",
    supportType: "consultation",
    topic: "Consultation with lone parents",
    drivers: [],
    urgency: "routine",
    details: "Sent twice by mistake.",
    daysAgo: 5,
    steps: [{ mergeInto: 2 }],
  },
  {
    area: "Angus",
    supportType: "needs-assessment",
    topic: "Help to start our needs assessment",
    drivers: ["employment:hourly-pay"],
    urgency: "urgent",
    details: "We are starting our first full needs assessment and need help to plan it.",
    daysAgo: 40,
    steps: [],
  },
  {
    area: "Inverclyde",
    supportType: "tailored-support",
    topic: "Workshop to agree strategy priorities",
    drivers: ["costs:debt", "social-security:value"],
    urgency: "soon",
    details: "A facilitated workshop for the partnership board to agree priorities.",
    daysAgo: 30,
    steps: [
      { assign: "Scottish Councils Improvement Network (demo)" },
      { reply: "Could you send the current draft priorities?", side: "hub", moveTo: "in-progress" },
      { reply: "Draft priorities attached to our board papers; thank you.", side: "local" },
    ],
  },
];

/**
 * A year of support requests through the life-cycle services, then moved back in time so the
 * figures (time to first response, overdue, unmet demand) look like a real year. Answers come a
 * few hours to a few days after each request.
 */
export async function seedRequests(db: Db, audit: AuditContext, group: GroupRow): Promise<string[]> {
  const members = await memberIdsByName(db, group.id);
  const coordinatorUser = await findUserByEmail(db, "coordinator.scotland@example.org");
  const coordinationUnitId = members.get(coordinationUnit)!.organisationId;
  const ids: string[] = [];
  const today = londonToday();
  for (const [index, spec] of requests.entries()) {
    const name =
      spec.area === "Dundee City"
        ? "Dundee Child Poverty Partnership (fictional demo)"
        : lightPartnershipName(spec.area);
    const partnership = await findPartnershipByName(db, name);
    if (!partnership) continue;
    const lead = spec.area === "Dundee City" ? await findUserByEmail(db, "dundee.lead@example.org") : undefined;
    const council = await findOrganisationByName(
      db,
      spec.area === "Dundee City" ? "Dundee City Council (demo)" : `${spec.area} Council (demo)`,
    );
    const local: Author = {
      userId: lead?.id ?? null,
      name: lead?.name ?? `${spec.area} lead (fictional)`,
      organisationId: council!.id,
    };
    const coordinator: Author = {
      userId: coordinatorUser?.id ?? null,
      name: coordinatorUser?.name ?? "Coordinator",
      organisationId: coordinationUnitId,
    };
    const created = await createRequest(db, audit, {
      groupId: group.id,
      partnershipId: partnership.id,
      author: local,
      form: {
        supportType: spec.supportType,
        topic: spec.topic,
        drivers: spec.drivers,
        urgency: spec.urgency,
        preferredMemberId: "",
        details: spec.details,
      },
    });
    const id = created.request.id;
    ids.push(id);
    let assignedBody: Author = coordinator;
    const current = async () => (await findGroupRequest(db, group.id, id))!;
    for (const step of spec.steps) {
      if ("assign" in step) {
        const member = members.get(step.assign)!;
        await assignRequest(db, audit, await current(), coordinator, { memberId: member.id, note: step.note ?? "" });
        assignedBody = {
          userId: null,
          name: `${step.assign.replace(" (demo)", "")} adviser (fictional)`,
          organisationId: member.organisationId,
        };
      } else if ("reply" in step) {
        await postMessage(db, audit, await current(), step.side === "hub" ? assignedBody : local, step.side, {
          body: step.reply,
          visibility: step.note ? "note" : "message",
          moveTo: step.moveTo ?? "",
        });
      } else if ("decline" in step) await declineRequest(db, audit, await current(), coordinator, step.decline);
      else if ("mergeInto" in step) await mergeRequest(db, audit, await current(), coordinator, ids[step.mergeInto]!);
      else await closeRequest(db, audit, await current(), local, { rating: step.close, feedback: step.feedback });
    }
    await backdateRequestForDemo(
      db,
      id,
      spec.daysAgo,
      4 + (index % 5) * 17,
      dueByFor(addDays(today, -spec.daysAgo), spec.urgency),
    );
  }
  return ids;
}

/** The group's joint plan: activities answering the requests and themes above, with progress. */
export async function seedPlan(db: Db, audit: AuditContext, group: GroupRow, requestIds: string[]) {
  const members = await memberIdsByName(db, group.id);
  const today = londonToday();
  const activities: {
    title: string;
    lead: string;
    supportType: SupportType;
    status: "planned" | "in-progress" | "complete";
    requests: number[];
    themes: string[];
    progress?: string;
    months: [number, number];
  }[] = [
    {
      title: "Peer review programme for action reports",
      lead: coordinationUnit,
      supportType: "peer-review",
      status: "in-progress",
      requests: [0],
      themes: ["Leads asked for feedback on drafts before sign-off"],
      progress: "Nine reviews arranged for this reporting round.",
      months: [-3, 6],
    },
    {
      title: "Small-area data service",
      lead: healthAgency,
      supportType: "data",
      status: "in-progress",
      requests: [1],
      themes: ["Report reviews: small-area evidence thin", "Data arrives late"],
      progress: "Data zone extracts agreed for five areas.",
      months: [-2, 9],
    },
    {
      title: "Funded support to involve families",
      lead: "Scottish Anti-Poverty Alliance (demo)",
      supportType: "consultation",
      status: "planned",
      requests: [2, 7],
      themes: ["Children's and families' voices missing from reports"],
      months: [1, 12],
    },
    {
      title: "Benefits training for the children's workforce",
      lead: "Families Advice Charity Scotland (demo)",
      supportType: "workforce-development",
      status: "in-progress",
      requests: [4],
      themes: ["Income maximisation measures thin in reports"],
      progress: "Course dates set; 120 places offered.",
      months: [-1, 8],
    },
    {
      title: "Briefing on rural and island costs of living",
      lead: "Northern Poverty Research Unit (demo)",
      supportType: "knowledge",
      status: "planned",
      requests: [3],
      themes: ["Rural costs of living"],
      months: [2, 7],
    },
    {
      title: "Self-assessment framework refresh",
      lead: coordinationUnit,
      supportType: "self-assessment",
      status: "complete",
      requests: [5],
      themes: ["Reducing reporting burden"],
      progress: "Framework republished with shorter questions.",
      months: [-9, -2],
    },
  ];
  for (const activity of activities) {
    const row = await saveActivity(db, audit, group.id, null, {
      title: activity.title,
      description: `${activity.title} (fictional).`,
      leadMemberId: members.get(activity.lead)!.id,
      supportType: activity.supportType,
      startDate: addDays(today, activity.months[0] * 30),
      endDate: addDays(today, activity.months[1] * 30),
      status: activity.status === "complete" ? "in-progress" : activity.status,
      themes: activity.themes,
      requestIds: activity.requests.flatMap((index) => (requestIds[index] ? [requestIds[index]!] : [])),
    });
    if (activity.progress)
      await addProgress(
        db,
        audit,
        group.id,
        row.id,
        { userId: null, name: `${activity.lead.replace(" (demo)", "")} (fictional)` },
        { body: activity.progress, status: activity.status },
      );
  }
}
