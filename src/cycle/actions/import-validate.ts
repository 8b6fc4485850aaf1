import { parsePounds } from "../../kernel/money.ts";
import { parseDateText } from "../../kernel/time.ts";
import { importFields } from "./import-fields.ts";
import { type BudgetArrangement, matchDriver, matchFamilyType } from "./vocabulary.ts";

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface ActionDraft {
  row: number;
  reference: string;
  title: string;
  description: string;
  priorityIds: string[];
  leadOrganisationId: string;
  partnerIds: string[];
  startDate: string | null;
  endDate: string | null;
  drivers: string[];
  familyTypes: string[];
  incomeMaximisation: boolean;
  protectedCharacteristics: boolean;
  budgets: { financialYear: string; amountPence: number; source: string; arrangement: BudgetArrangement }[];
}

export interface ImportReferences {
  nation: string;
  organisations: { id: string; name: string }[];
  priorities: { id: string; title: string }[];
  existingReferences: string[];
}

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
const list = (text: string) =>
  text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

function yesNo(text: string): boolean | null {
  const value = key(text);
  if (["yes", "y", "true", "1", "x"].includes(value)) return true;
  if (["no", "n", "false", "0", ""].includes(value)) return false;
  return null;
}

function arrangementOf(text: string): BudgetArrangement | null {
  const value = key(text);
  if (value === "") return "single";
  if (value.startsWith("pool")) return "pooled";
  if (value.startsWith("align")) return "aligned";
  if (value.startsWith("single") || value === "own" || value === "not pooled") return "single";
  return null;
}

/**
 * Checks every mapped row and turns good rows into drafts. Row numbers are the spreadsheet's
 * (firstRow is the number of the first data row); columns are named by their header.
 * Rows that repeat an earlier row's reference with no title add a budget line to that action.
 */
export function validateImport(
  sheet: { headers: string[]; rows: string[][]; firstRow: number },
  mapping: Record<string, number>,
  refs: ImportReferences,
): { errors: ImportError[]; drafts: ActionDraft[] } {
  const errors: ImportError[] = [];
  const drafts: ActionDraft[] = [];
  const byReference = new Map<string, ActionDraft>();
  const organisations = new Map(refs.organisations.map((row) => [key(row.name), row.id]));
  const priorities = new Map(refs.priorities.map((row) => [key(row.title), row.id]));
  const existing = new Set(refs.existingReferences.filter(Boolean).map(key));
  const columnName = (field: string) => {
    const index = mapping[field];
    return index === undefined
      ? (importFields.find((item) => item.key === field)?.label ?? field)
      : sheet.headers[index]!;
  };

  sheet.rows.forEach((cells, index) => {
    const row = sheet.firstRow + index;
    const get = (field: string) => {
      const column = mapping[field];
      const value = column === undefined ? "" : (cells[column] ?? "").trim();
      // Our own exports escape formula-like text with an apostrophe: take it off again.
      return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
    };
    const fail = (field: string, message: string) => errors.push({ row, column: columnName(field), message });
    if (cells.every((cell) => cell.trim() === "")) return;

    const budget = () => {
      const year = get("budgetYear");
      const amount = get("budgetAmount");
      if (!year && !amount) return null;
      let ok = true;
      if (!/^\d{4}\/\d{2}$/.test(year) || Number(year.slice(5)) !== (Number(year.slice(0, 4)) + 1) % 100) {
        fail(
          "budgetYear",
          year ? `“${year}” is not a financial year like 2025/26` : "Enter the budget's financial year, like 2025/26",
        );
        ok = false;
      }
      const pence = parsePounds(amount);
      if (pence === null) {
        fail(
          "budgetAmount",
          amount ? `“${amount}” is not an amount in pounds, like 12500 or £12,500.00` : "Enter the budget amount",
        );
        ok = false;
      }
      const arrangement = arrangementOf(get("budgetArrangement"));
      if (!arrangement) {
        fail("budgetArrangement", `“${get("budgetArrangement")}” is not Pooled, Aligned or Single organisation`);
        ok = false;
      }
      return ok
        ? { financialYear: year, amountPence: pence!, source: get("budgetSource"), arrangement: arrangement! }
        : null;
    };

    const reference = get("reference");
    const title = get("title");
    if (!title && reference && byReference.has(key(reference))) {
      const line = budget();
      if (line) byReference.get(key(reference))!.budgets.push(line);
      else if (!get("budgetYear") && !get("budgetAmount"))
        fail("title", "Enter the action's title (or budget details to add a budget line)");
      return;
    }
    if (!title) fail("title", "Enter the action's title");
    if (title.length > 300) fail("title", "The title must be 300 characters or fewer");
    if (reference) {
      if (byReference.has(key(reference))) fail("reference", `Reference “${reference}” is used by an earlier row`);
      else if (existing.has(key(reference)))
        fail("reference", `An action with reference “${reference}” is already in the plan`);
    }

    const leadName = get("lead");
    const leadOrganisationId = organisations.get(key(leadName));
    if (!leadName) fail("lead", "Enter the lead organisation");
    else if (!leadOrganisationId) fail("lead", `“${leadName}” is not a member organisation of this partnership`);

    const partnerIds: string[] = [];
    for (const name of list(get("partners"))) {
      const id = organisations.get(key(name));
      if (id) partnerIds.push(id);
      else fail("partners", `“${name}” is not a member organisation of this partnership`);
    }
    const priorityIds: string[] = [];
    for (const name of list(get("priorities"))) {
      const id = priorities.get(key(name));
      if (id) priorityIds.push(id);
      else fail("priorities", `“${name}” is not a priority in the strategy`);
    }
    const drivers: string[] = [];
    for (const name of list(get("drivers"))) {
      const code = matchDriver(refs.nation, name);
      if (code) drivers.push(code);
      else fail("drivers", `“${name}” is not a known ${refs.nation === "scotland" ? "driver" : "building block"}`);
    }
    const familyTypes: string[] = [];
    for (const name of list(get("familyTypes"))) {
      const code = matchFamilyType(name);
      if (code) familyTypes.push(code);
      else fail("familyTypes", `“${name}” is not a priority family type`);
    }
    const dates: Record<string, string | null> = {};
    for (const field of ["startDate", "endDate"] as const) {
      const text = get(field);
      dates[field] = text ? parseDateText(text) : null;
      if (text && !dates[field]) fail(field, `“${text}” is not a real date, like 31/03/2026`);
    }
    if (dates.startDate && dates.endDate && dates.endDate < dates.startDate)
      fail("endDate", "The end date is before the start date");
    const flags: Record<string, boolean> = {};
    for (const field of ["incomeMaximisation", "protectedCharacteristics"] as const) {
      const value = yesNo(get(field));
      if (value === null) fail(field, `“${get(field)}” must be Yes or No`);
      flags[field] = value ?? false;
    }
    const line = budget();
    const draft: ActionDraft = {
      row,
      reference,
      title,
      description: get("description"),
      priorityIds: [...new Set(priorityIds)],
      leadOrganisationId: leadOrganisationId ?? "",
      partnerIds: [...new Set(partnerIds)].filter((id) => id !== leadOrganisationId),
      startDate: dates.startDate ?? null,
      endDate: dates.endDate ?? null,
      drivers: [...new Set(drivers)],
      familyTypes: [...new Set(familyTypes)],
      incomeMaximisation: flags.incomeMaximisation!,
      protectedCharacteristics: flags.protectedCharacteristics!,
      budgets: line ? [line] : [],
    };
    drafts.push(draft);
    if (reference && !byReference.has(key(reference))) byReference.set(key(reference), draft);
  });
  if (drafts.length === 0 && errors.length === 0)
    errors.push({ row: sheet.firstRow, column: "(file)", message: "The file has no actions to import" });
  return { errors, drafts };
}
