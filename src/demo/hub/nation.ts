import type { AuditContext } from "../../kernel/audit/audit.ts";
import { addDays, currentReportingYear, londonToday } from "../../kernel/time.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import {
  createOrganisation,
  findOrganisationByName,
  type OrganisationType,
} from "../../workspace/organisations/index.ts";
import {
  addMemberOrganisation,
  createPartnership,
  findPartnershipByName,
  type PartnershipRow,
} from "../../workspace/partnerships/index.ts";
import { consultationPaths } from "../../cycle/consultation/index.ts";
import { insertMeetings } from "../../cycle/meetings/index.ts";
import { publishNeedsAssessment, setNeedsReviewDate } from "../../cycle/needs-assessment/index.ts";
import { seedReportDemo } from "../../cycle/reports/index.ts";

import { lightPartnershipName, otherLightAreas, scottishCouncils } from "./areas.ts";

async function organisation(db: Db, audit: AuditContext, name: string, type: OrganisationType, gssCode: string | null) {
  return (await findOrganisationByName(db, name)) ?? createOrganisation(db, audit, { name, type, gssCode });
}

interface LightArea {
  name: string;
  code: string;
  nation: Nation;
  partners: { name: string; type: OrganisationType; gssCode: string | null; role: string }[];
}

function lightAreas(): LightArea[] {
  return [
    ...scottishCouncils
      .filter((council) => council.code !== "S12000042")
      .map((council) => ({
        name: council.name,
        code: council.code,
        nation: "scotland" as Nation,
        partners: [
          {
            name: `${council.name} Council (demo)`,
            type: "council" as const,
            gssCode: council.code,
            role: `Local authority, reporting jointly with NHS ${council.board}`,
          },
          {
            name: `NHS ${council.board} (demo)`,
            type: "health-board" as const,
            gssCode: council.boardCode,
            role: "Health board, reporting jointly with the council",
          },
        ],
      })),
    ...otherLightAreas.map((area) => ({
      name: area.name,
      code: area.code,
      nation: area.nation,
      partners: [
        { name: `${area.name} Council (demo)`, type: "council" as const, gssCode: area.code, role: "Local authority" },
        { name: `${area.partner} (demo)`, type: area.partnerType as OrganisationType, gssCode: null, role: "Health" },
      ],
    })),
  ];
}

/**
 * A whole nation for the national view, the map and the hub: the other 31 Scottish council
 * areas (and a second partnership in England and Wales) with lighter records than the full
 * demo partnerships — members, a year of meetings, and varied needs-assessment and report
 * status — so seeding stays quick. Deterministic: the pattern follows each area's position.
 */
export async function seedNationBreadth(db: Db, audit: AuditContext, today = londonToday()): Promise<PartnershipRow[]> {
  const created: PartnershipRow[] = [];
  const meetingRows: Parameters<typeof insertMeetings>[1] = [];
  const reportingYear = currentReportingYear(today);
  for (const [index, area] of lightAreas().entries()) {
    const name = lightPartnershipName(area.name);
    if (await findPartnershipByName(db, name)) continue;
    const partnership = await createPartnership(
      db,
      audit,
      { name, nation: area.nation, areaCode: area.code, areaName: area.name },
      { isFictional: true },
    );
    for (const partner of area.partners) {
      const row = await organisation(db, audit, partner.name, partner.type, partner.gssCode);
      await addMemberOrganisation(db, audit, partnership.id, { organisationId: row.id, role: partner.role });
    }
    // Two to six meetings in the last year, four weeks apart; minutes recorded for all but the latest.
    const held = 2 + (index % 5);
    for (let meeting = 0; meeting < held; meeting += 1) {
      const meetingDate = addDays(today, -(meeting * 28 + 10 + (index % 9)));
      meetingRows.push({
        partnershipId: partnership.id,
        meetingDate,
        title: "Partnership meeting",
        startTime: "10:00",
        location: meeting % 2 ? "Online" : "Council offices",
        minutes: meeting === 0 ? null : "<p>Partners reviewed progress and agreed next steps (fictional).</p>",
        minutesRecordedAt: meeting === 0 ? null : new Date(`${addDays(meetingDate, 3)}T12:00:00Z`),
      });
    }
    await seedStatus(db, audit, partnership, index, reportingYear, today);
    created.push(partnership);
  }
  // One statement for every light partnership's meetings.
  if (meetingRows.length > 0) await insertMeetings(db, meetingRows);
  return created;
}

/** Needs assessment: a third published, a third in draft, a third not started; reports likewise vary. */
async function seedStatus(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  index: number,
  reportingYear: string,
  today: string,
) {
  if (index % 3 !== 2)
    await setNeedsReviewDate(db, audit, partnership.id, { reviewDate: addDays(today, 120 + index * 7) });
  if (index % 3 === 0)
    await publishNeedsAssessment(db, audit, partnership, { userId: null, name: "Demo lead (fictional)" });
  const report = index % 4;
  if (report === 0 || report === 1) {
    await seedReportDemo(db, audit, partnership, reportingYear, {
      publish: report === 0,
      links: { consultation: consultationPaths.register },
    });
  }
}
