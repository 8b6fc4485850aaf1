import { renderBreakdownChart, renderInequalityChart } from "../../data/analyses/index.ts";
import { drawnFor, renderFragment } from "../../kernel/views/environment.ts";
import { panelChart } from "./document.ts";
import type { PanelView } from "./panel-data.ts";

/**
 * A panel's markup (sentence, charts, data tables, inequality figures) as the draft page shows
 * it. Drawing the panels was most of the page's template work; a panel comes from the
 * data-version cache (assessment-view.ts) as the same object until the data or the panel's row
 * changes, so its markup is drawn once for that object and follows it out of the cache.
 */
export function panelHtml(panel: PanelView): string {
  return drawnFor(panel, "", () =>
    renderFragment("needs-assessment/views/panel.njk", {
      panel: {
        ...panel,
        rendered: panelChart(panel),
        renderedBreakdowns: (panel.breakdowns ?? []).map((b) => ({ ...b, rendered: renderBreakdownChart(b.chart) })),
        renderedInequality: panel.inequality?.figures ? renderInequalityChart(panel.inequality.figures) : null,
      },
    }),
  );
}
