import type { Executor } from "../../kernel/db/database.ts";
import { upsertGovernance } from "./repository.ts";

/** Fictional partnership record for the demo (called by the demo domain; no audit: seeded data). */
export async function seedGovernanceDemo(
  db: Executor,
  partnership: { id: string; nation: string; areaName: string },
): Promise<void> {
  const scotland = partnership.nation === "scotland";
  await upsertGovernance(db, partnership.id, {
    authorityType: scotland
      ? "council-with-health-boards"
      : partnership.nation === "england"
        ? "unitary-authority"
        : null,
    healthBoardsExpected: 1,
    reportsTo: scotland
      ? `${partnership.areaName} Community Planning Partnership Board`
      : `${partnership.areaName} Strategic Partnership`,
    chairName: "Cllr Morgan Example (fictional)",
    chairIsElectedMember: true,
    termsOfReference: [
      `<p>The partnership brings together the organisations serving children and families in ${partnership.areaName} to reduce, and mitigate the effects of, child poverty.</p>`,
      "<ul><li>Keep the child poverty needs assessment up to date and review it each year.</li><li>Agree and monitor the joint strategy and its action plan.</li><li>Publish an annual report on progress.</li></ul>",
      "<p>Meets every four weeks. Minutes are shared with all member organisations.</p>",
    ].join("\n"),
  });
}
