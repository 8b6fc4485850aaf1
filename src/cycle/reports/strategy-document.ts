import type { Executor } from "../../kernel/db/database.ts";
import type { BlockInput, DocumentInput } from "../../lib/documents/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import {
  listEvidence,
  listPriorities,
  signOffRoleLabels,
  type SignOffRole,
  type StrategyRow,
} from "../strategy/index.ts";
import { longDate } from "./format.ts";
import * as repo from "./repository.ts";

const paragraphs = (text: string): BlockInput[] =>
  text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ type: "paragraph", text: part }));

/** A signed-off joint strategy as a document for its public page. */
export async function strategyDocument(
  db: Executor,
  strategy: StrategyRow,
  partnership: PartnershipRow,
): Promise<DocumentInput> {
  const [priorities, evidence, parts] = await Promise.all([
    listPriorities(db, partnership.id),
    listEvidence(db, partnership.id, "priority"),
    repo.strategyParts(db, partnership.id),
  ]);
  const sections: DocumentInput["sections"] = [];
  if (partnership.isFictional)
    sections.push({
      heading: "About this strategy",
      level: 1,
      blocks: [
        {
          type: "callout",
          tone: "info",
          title: "Fictional data",
          text: "This strategy is fictional demonstration data.",
        },
      ],
    });
  sections.push({
    heading: "Vision",
    level: 1,
    blocks: strategy.vision ? paragraphs(strategy.vision) : [{ type: "paragraph", text: "Not recorded." }],
  });
  sections.push({
    heading: "Priorities",
    level: 1,
    blocks: priorities.length
      ? [
          {
            type: "table",
            table: {
              caption: "Priorities and the evidence they answer",
              columns: ["Priority", "What it means", "Evidence"],
              rows: priorities.map((priority) => [
                priority.title,
                priority.description || "–",
                evidence
                  .filter((link) => link.subjectId === priority.id)
                  .map((link) => link.label)
                  .join("; ") || "No evidence linked",
              ]),
            },
          },
        ]
      : [{ type: "paragraph", text: "No priorities recorded." }],
  });
  if (parts.choices.length) {
    sections.push({
      heading: "Strategic choices",
      level: 1,
      blocks: [
        {
          type: "table",
          table: {
            caption: "Options considered",
            columns: ["Option", "Intended impact", "Chosen", "Reason"],
            rows: parts.choices.map((c) => [
              c.option,
              c.intendedImpact || "–",
              c.chosen ? "Yes" : "No",
              c.reason || "–",
            ]),
          },
        },
      ],
    });
  }
  for (const [heading, text] of [
    ["Governance", strategy.governance],
    ["Monitoring arrangements", strategy.monitoringArrangements],
    ["Workforce development", strategy.workforceDevelopment],
  ] as const) {
    if (text) sections.push({ heading, level: 1, blocks: paragraphs(text) });
  }
  if (parts.related.length) {
    sections.push({
      heading: "Related strategies",
      level: 1,
      blocks: [
        {
          type: "table",
          table: {
            caption: "Related strategies",
            columns: ["Strategy", "Owner", "Relationship"],
            rows: parts.related.map((r) => [r.name, r.owner || "–", r.relationship || "–"]),
          },
        },
      ],
    });
  }
  sections.push({
    heading: "Sign-off",
    level: 1,
    blocks: [
      {
        type: "table",
        table: {
          caption: "Who signed off the strategy",
          columns: ["Name", "Role", "Date"],
          rows: parts.signOffs.map((s) => [
            s.name,
            signOffRoleLabels[s.role as SignOffRole] ?? s.role,
            longDate(s.signedOn),
          ]),
        },
      },
    ],
  });
  return {
    title: `Joint child poverty strategy ${strategy.startYear} to ${strategy.endYear}`,
    subtitle: partnership.name,
    metadata: {
      partnership: partnership.name,
      period: `${strategy.startYear} to ${strategy.endYear}`,
      status: "Published",
      author: partnership.name,
    },
    sections,
  };
}
