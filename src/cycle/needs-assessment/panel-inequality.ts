/**
 * A panel's inequality by deprivation: the area profile's computation (local deprivation
 * quintiles, SII and RII; data/analyses) for a panel whose indicator the measure is made from, as
 * plain figures frozen with the panel; or why it cannot be calculated, for an indicator with
 * small-area figures the slope is not worked out from. Publishable catalogue only, as every panel.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { type InequalityFigures, inequalityFigures, loadIndicatorInequality } from "../../data/analyses/index.ts";
import type { AreaRow } from "../../data/geography/index.ts";
import type { IndicatorRow } from "../../data/indicators/index.ts";

export interface PanelInequality {
  figures: InequalityFigures | null;
  /** "… cannot be calculated because …" when there are no figures. */
  problem: string | null;
}

export async function panelInequality(
  db: Executor,
  area: AreaRow,
  catalogue: readonly IndicatorRow[],
  indicator: IndicatorRow,
): Promise<PanelInequality | undefined> {
  const outcome = await loadIndicatorInequality(db, area, new Map(catalogue.map((r) => [r.slug, r])), indicator);
  if (outcome?.panel) return { figures: inequalityFigures(outcome.panel, area.name), problem: null };
  return outcome?.problem ? { figures: null, problem: outcome.problem } : undefined;
}
