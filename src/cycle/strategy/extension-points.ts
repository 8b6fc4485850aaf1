import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";
import type { EvidenceChoiceSource } from "./evidence-picker.ts";

/** Hooks the strategy pages use, filled by the domains built on strategy (which import it). */

/** How many actions answer each priority (filled by actions). */
export const priorityActionCounts =
  extensionPoint<(db: Executor, partnershipId: string) => Promise<Map<string, number>>>("priority action counts");

/**
 * The needs assessment's findings, qualitative entries and indicators, offered by the evidence
 * forms of priorities and actions (filled by needs-assessment; optional).
 */
export const evidenceChoiceSource = extensionPoint<EvidenceChoiceSource>("evidence choices");
