import { evidenceKindLabels, type EvidenceKind, signOffRoleLabels, type SignOffRole } from "./evidence.ts";
import { strategyPaths as paths } from "./paths.ts";
import type { loadStrategyPage } from "./strategy-service.ts";

type StrategyPage = Awaited<ReturnType<typeof loadStrategyPage>>;

/** The strategy page's view model: its records with their labels and the links beside them. */
export function strategyView(partnershipId: string, data: StrategyPage, actionCounts: Map<string, number>) {
  const id = partnershipId;
  return {
    ...data,
    links: {
      edit: paths.edit(id),
      addPriority: paths.addPriority(id),
      addChoice: paths.addChoice(id),
      addRelated: paths.addRelated(id),
      addSignOff: paths.addSignOff(id),
    },
    priorities: data.priorities.map((priority) => ({
      ...priority,
      actionCount: actionCounts.get(priority.id) ?? 0,
      editHref: paths.editPriority(id, priority.id),
      removeHref: paths.removePriority(id, priority.id),
      linkEvidenceHref: paths.linkEvidence(id, priority.id),
      evidence: data.evidence
        .filter((link) => link.subjectId === priority.id)
        .map((link) => ({
          ...link,
          kindLabel: evidenceKindLabels[link.kind as EvidenceKind] ?? link.kind,
          removeHref: paths.removeEvidence(id, priority.id, link.id),
        })),
    })),
    choices: data.choices.map((choice) => ({ ...choice, removeHref: paths.removeChoice(id, choice.id) })),
    related: data.related.map((item) => ({ ...item, removeHref: paths.removeRelated(id, item.id) })),
    signOffs: data.signOffs.map((row) => ({
      ...row,
      roleLabel: signOffRoleLabels[row.role as SignOffRole] ?? row.role,
      removeHref: paths.removeSignOff(id, row.id),
    })),
  };
}
