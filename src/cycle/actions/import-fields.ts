/** The columns an action plan spreadsheet can carry, with the header names we recognise. */
export interface ImportField {
  key: string;
  label: string;
  required?: boolean;
  hint: string;
  synonyms: string[];
}

export const importFields: ImportField[] = [
  {
    key: "reference",
    label: "Reference",
    hint: "Your own number, like A12. Repeat it on extra rows to add budget lines",
    synonyms: ["reference", "ref", "action ref", "action reference", "id", "action id", "no", "number"],
  },
  {
    key: "title",
    label: "Title",
    required: true,
    hint: "Required",
    synonyms: ["title", "action", "action title", "name", "action name"],
  },
  {
    key: "description",
    label: "Description",
    hint: "",
    synonyms: ["description", "details", "action description", "summary"],
  },
  {
    key: "priorities",
    label: "Priorities",
    hint: "Priority titles from the strategy, separated by ;",
    synonyms: ["priorities", "priority", "strategic priority", "strategy priority", "objective"],
  },
  {
    key: "lead",
    label: "Lead organisation",
    required: true,
    hint: "A member organisation's name",
    synonyms: [
      "lead",
      "lead organisation",
      "lead partner",
      "lead agency",
      "owner",
      "responsible",
      "responsible organisation",
    ],
  },
  {
    key: "partners",
    label: "Contributing partners",
    hint: "Member organisations' names, separated by ;",
    synonyms: ["partners", "contributing partners", "contributors", "supporting partners", "other partners"],
  },
  {
    key: "startDate",
    label: "Start date",
    hint: "Like 01/04/2025 or 2025-04-01",
    synonyms: ["start", "start date", "from", "begins"],
  },
  {
    key: "endDate",
    label: "End date",
    hint: "Like 31/03/2026 or 2026-03-31",
    synonyms: ["end", "end date", "to", "deadline", "due", "due date", "ends", "completion date"],
  },
  {
    key: "drivers",
    label: "Drivers or building blocks",
    hint: "Names separated by ;",
    synonyms: ["drivers", "driver", "sub drivers", "building blocks", "building block", "drivers of child poverty"],
  },
  {
    key: "familyTypes",
    label: "Priority family types",
    hint: "Names separated by ;",
    synonyms: ["family types", "priority families", "priority family types", "priority groups", "families"],
  },
  {
    key: "incomeMaximisation",
    label: "Income maximisation",
    hint: "Yes or No",
    synonyms: ["income maximisation", "income maximization", "income max"],
  },
  {
    key: "protectedCharacteristics",
    label: "Protected characteristics",
    hint: "Yes or No",
    synonyms: ["protected characteristics", "protected characteristic"],
  },
  {
    key: "budgetYear",
    label: "Budget financial year",
    hint: "Like 2025/26",
    synonyms: ["budget year", "financial year", "budget financial year", "year"],
  },
  {
    key: "budgetAmount",
    label: "Budget amount (£)",
    hint: "Pounds, like 12500 or £12,500.00",
    synonyms: ["budget", "budget amount", "amount", "budget £", "budget gbp", "cost", "funding"],
  },
  {
    key: "budgetSource",
    label: "Budget source",
    hint: "",
    synonyms: ["budget source", "source", "funding source", "source of funding"],
  },
  {
    key: "budgetArrangement",
    label: "Budget arrangement",
    hint: "Pooled, Aligned or Single organisation",
    synonyms: ["budget arrangement", "arrangement", "pooled or aligned", "pooled aligned"],
  },
];

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Guesses which column holds each field from the header names: exact labels first, then the
 * synonyms in order of preference; each column is used once.
 */
export function guessMapping(headers: string[]): Record<string, number> {
  const mapping: Record<string, number> = {};
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  const ranked = (field: ImportField) => [normaliseHeader(field.label), ...field.synonyms.map(normaliseHeader)];
  const maxRank = Math.max(...importFields.map((field) => ranked(field).length));
  for (let rank = 0; rank < maxRank; rank++) {
    for (const field of importFields) {
      if (mapping[field.key] !== undefined) continue;
      const candidate = ranked(field)[rank];
      if (candidate === undefined) continue;
      const index = normalised.findIndex((header, position) => !used.has(position) && header === candidate);
      if (index >= 0) {
        mapping[field.key] = index;
        used.add(index);
      }
    }
  }
  return mapping;
}
