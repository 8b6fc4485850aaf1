import type { Actor } from "../../kernel/auth/policy.ts";
import { practicePaths } from "./paths.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { ActionMention } from "../../cycle/actions/index.ts";
import { citationsOfAction } from "./repository.ts";

/**
 * The action page's links to the library (the actions domain's mention extension point): the
 * entries it cites, and the page to cite more or propose it as a case study.
 */
export async function practiceMentions(
  db: Executor,
  _actor: Actor | null,
  partnershipId: string,
  actionId: string,
): Promise<ActionMention[]> {
  const cited = await citationsOfAction(db, partnershipId, actionId);
  return [
    ...cited.map((row) => ({
      kind: "Effective practice cited",
      text: row.status === "published" ? row.title : `${row.title} (no longer published)`,
      href: `/practice/${row.entryId}`,
    })),
    {
      kind: "Effective practice",
      text: cited.length
        ? "Cite more entries or propose this action as a case study"
        : "Cite library entries or propose this action as a case study",
      href: practicePaths.actionPractice(partnershipId, actionId),
    },
  ];
}
