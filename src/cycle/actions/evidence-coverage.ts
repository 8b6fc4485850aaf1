import type { Executor } from "../../kernel/db/database.ts";
import { type EvidenceKind, listEvidence, listPriorities } from "../strategy/index.ts";
import { listActionPriorities, listActions } from "./repository.ts";

export interface EvidenceReference {
  kind: EvidenceKind;
  referenceId: string;
}

export interface EvidenceCoverage extends EvidenceReference {
  /** Priorities that cite this evidence. */
  priorities: { id: string; title: string }[];
  /** Actions that cite it directly, or deliver a priority that cites it. */
  actions: { id: string; title: string; direct: boolean }[];
}

/**
 * The link seen from the evidence side: for each need (indicator, qualitative entry,
 * finding), which priorities and actions answer it. A need with no action is one the plan
 * does not yet address; the needs assessment pages use this to flag it.
 */
export async function evidenceCoverage(
  db: Executor,
  partnershipId: string,
  references: EvidenceReference[],
): Promise<EvidenceCoverage[]> {
  const [links, actionRows, actionPriorityRows, priorityRows] = await Promise.all([
    listEvidence(db, partnershipId),
    listActions(db, partnershipId),
    listActionPriorities(db, partnershipId),
    listPriorities(db, partnershipId),
  ]);
  const priorities = new Map(priorityRows.map((row) => [row.id, row.title]));
  const actionTitles = new Map(actionRows.map((row) => [row.id, row.title]));
  return references.map((reference) => {
    const matching = links.filter((link) => link.kind === reference.kind && link.referenceId === reference.referenceId);
    const priorityIds = new Set(
      matching.filter((link) => link.subjectType === "priority").map((link) => link.subjectId),
    );
    const direct = new Set(matching.filter((link) => link.subjectType === "action").map((link) => link.subjectId));
    const viaPriority = new Set(
      actionPriorityRows.filter((row) => priorityIds.has(row.priorityId)).map((row) => row.actionId),
    );
    const actionIds = [...new Set([...direct, ...viaPriority])].filter((id) => actionTitles.has(id));
    return {
      ...reference,
      priorities: [...priorityIds].filter((id) => priorities.has(id)).map((id) => ({ id, title: priorities.get(id)! })),
      actions: actionIds.map((id) => ({ id, title: actionTitles.get(id)!, direct: direct.has(id) })),
    };
  });
}
