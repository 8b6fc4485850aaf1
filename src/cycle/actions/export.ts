import { penceToDecimal } from "../../kernel/money.ts";
import type { LatestUpdate, PlanItem } from "./action-queries.ts";
import { importFields } from "./import-fields.ts";
import {
  budgetArrangementLabels,
  type BudgetArrangement,
  driverLabel,
  familyTypeLabel,
  ragLabels,
} from "./vocabulary.ts";

export const exportHeaders = [
  ...importFields.map((field) => field.label),
  "Latest period",
  "Latest status",
  "Percentage complete",
];

/**
 * One row per action, plus a row per extra budget line that repeats only the reference
 * (the importer reads such rows back as budget lines of the same action).
 */
export function exportRows(items: PlanItem[], latest: Map<string, LatestUpdate>): (string | number)[][] {
  const rows: (string | number)[][] = [];
  items.forEach((item, index) => {
    // Extra budget rows need a reference to attach to: make one up only then.
    const reference = item.reference || (item.budgets.length > 1 ? `R${index + 1}` : "");
    const budgetCells = (line: PlanItem["budgets"][number] | undefined) =>
      line
        ? [
            line.financialYear,
            penceToDecimal(line.amountPence),
            line.source,
            budgetArrangementLabels[line.arrangement as BudgetArrangement] ?? line.arrangement,
          ]
        : ["", "", "", ""];
    const update = latest.get(item.id);
    rows.push([
      reference,
      item.title,
      item.description,
      item.priorities.map((row) => row.title).join("; "),
      item.leadName,
      item.partnerNames.join("; "),
      item.startDate ?? "",
      item.endDate ?? "",
      item.drivers.map(driverLabel).join("; "),
      item.familyTypes.map(familyTypeLabel).join("; "),
      item.incomeMaximisation ? "Yes" : "No",
      item.protectedCharacteristics ? "Yes" : "No",
      ...budgetCells(item.budgets[0]),
      update?.period ?? "",
      update ? ragLabels[update.status] : "No update yet",
      update ? update.percentComplete : "",
    ]);
    for (const line of item.budgets.slice(1)) {
      rows.push([reference, ...Array(11).fill(""), ...budgetCells(line), "", "", ""]);
    }
  });
  return rows;
}
