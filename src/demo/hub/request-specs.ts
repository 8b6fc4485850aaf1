import type { SupportType } from "../../national/support-offer/index.ts";
import type { Urgency } from "../../national/support-requests/index.ts";

export type Step =
  | { assign: string; note?: string }
  | { reply: string; side: "hub" | "local"; note?: boolean; moveTo?: "in-progress" | "done" }
  | { decline: string }
  | { mergeInto: number }
  | { close: number; feedback: string };

export interface DemoRequest {
  area: string;
  supportType: SupportType;
  topic: string;
  drivers: string[];
  urgency: Urgency;
  details: string;
  daysAgo: number;
  steps: Step[];
}

export const coordinationUnit = "Scottish Child Poverty Coordination Unit (demo)";
export const healthAgency = "Caledonia Public Health Agency (demo)";

export const demoRequests: DemoRequest[] = [
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
