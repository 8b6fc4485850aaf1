import type { AuditContext } from "../../kernel/audit/audit.ts";
import { addDays, londonToday } from "../../kernel/time.ts";
import type { Db } from "../../kernel/db/database.ts";

import { addProgress, saveActivity } from "../../national/joint-plan/index.ts";
import type { GroupRow } from "../../national/partners-group/index.ts";
import type { SupportType } from "../../national/support-offer/index.ts";
import { memberIdsByName } from "./group.ts";
import { coordinationUnit, healthAgency } from "./request-specs.ts";

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
