/**
 * The fictional demo's prioritisation round (labelled fictional): five member organisations'
 * representatives scored six options, one bid was withdrawn after scoring, scoring closed, and
 * the partnership board decided, turning the chosen options into actions with budget lines.
 * Everything goes through the services, so it is audited like any other change.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { seededRandom } from "../../kernel/random.ts";
import { financialYearLabel, financialYearStart, londonToday } from "../../kernel/time.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { actionChoices } from "../actions/index.ts";
import { listMeetings } from "../meetings/index.ts";
import { recordDecision } from "./decision-service.ts";
import * as repo from "./repository.ts";
import { addActionOption, addBid, createRound, withdrawOption } from "./round-service.ts";
import { commentField, saveScoreCard, scoreField } from "./scoring-service.ts";
import { closeScoring, openScoring } from "./status-service.ts";

const bids = [
  [
    "Holiday food and activities in three more wards",
    "Free holiday clubs with meals for children on free school meals.",
    6_500_000,
  ],
  [
    "Welfare rights advisers in GP practices",
    "Benefit checks and help to claim for families registered at six practices.",
    5_200_000,
  ],
  [
    "Childcare deposit and first-month fund",
    "Helps parents starting work or more hours with childcare deposits.",
    3_800_000,
  ],
  ["School uniform and kit bank", "Second-hand and new uniform, free to families referred by schools.", 1_500_000],
] as const;

/** How good each option looks to partners on each criterion (0–1), before each organisation's own view. */
const quality = [
  [0.8, 0.6, 0.7, 0.5, 0.7],
  [0.7, 0.9, 0.8, 0.6, 0.6],
  [0.5, 0.7, 0.5, 0.7, 0.5],
  [0.6, 0.3, 0.4, 0.2, 0.9],
  [0.6, 0.6, 0.6, 0.4, 0.8],
  [0.5, 0.5, 0.6, 0.5, 0.7],
];

export async function seedPrioritisationDemo(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  lead: Actor,
  representatives: Actor[],
  today = londonToday(),
): Promise<void> {
  const financialYear = financialYearLabel(financialYearStart(today));
  const round = await createRound(
    db,
    audit,
    partnership,
    { title: `Child poverty fund ${financialYear} (fictional demo)`, budget: 15_000_000, financialYear, topK: 3 },
    [],
  );
  const options: repo.OptionRow[] = [];
  const members = representatives.map((actor) => actor.organisationId);
  for (const [index, [title, description, cost]] of bids.entries())
    options.push(
      await addBid(db, audit, partnership.id, round.id, {
        title: `${title} (fictional)`,
        description,
        cost,
        leadOrganisationId: members[index % members.length]!,
      }),
    );
  for (const [index, action] of (await actionChoices(db, partnership.id)).slice(2, 4).entries())
    options.push(
      await addActionOption(
        db,
        audit,
        partnership.id,
        round.id,
        { actionId: action.id, cost: 2_400_000 + index * 900_000 },
        lead,
      ),
    );
  await openScoring(db, audit, partnership.id, round.id);

  const criteria = await repo.listCriteria(db, partnership.id, round.id);
  const random = seededRandom(20_260_401);
  for (const actor of representatives) {
    const body: Record<string, string> = {};
    options.forEach((option, o) => {
      criteria.forEach((criterion, c) => {
        const view = Math.min(1, Math.max(0, quality[o]![c]! + (random() - 0.5) * 0.5));
        const good = criterion.direction === "lower" ? 1 - view : view;
        body[scoreField(option.id, criterion.id)] = String(
          Math.round(criterion.scaleMin + good * (criterion.scaleMax - criterion.scaleMin)),
        );
        body[commentField(option.id, criterion.id)] =
          view > 0.65
            ? "Strong on this, from our service's experience."
            : view < 0.4
              ? "Doubts here; needs more detail."
              : "";
      });
    });
    await saveScoreCard(db, audit, actor, partnership.id, round.id, body);
  }
  // The uniform bank found other money after scoring opened: withdrawn, kept in the record.
  await withdrawOption(db, audit, partnership.id, round.id, options[3]!.id);
  await closeScoring(db, audit, partnership.id, round.id);

  const meeting = (await listMeetings(db, { partnershipId: partnership.id })).filter((row) => row.minutes).at(-1);
  const active = options.filter((_, index) => index !== 3);
  // The board funded the first two bids and the first existing action: within the budget.
  const chosen = [active[0]!, active[1]!, active[3]!];
  await recordDecision(db, audit, lead, partnership, round.id, {
    decidedBy: "Partnership board (fictional demo)",
    decidedOn: meeting?.meetingDate ?? today,
    rationale:
      "The board funded three options from the results that fit the budget together, after discussing the options the partners disagreed about most. Fictional demo data.",
    meetingId: meeting?.id ?? "",
    optionIds: chosen.map((option) => option.id),
    source: "Child poverty fund (pooled)",
    arrangement: "pooled",
  });
}
