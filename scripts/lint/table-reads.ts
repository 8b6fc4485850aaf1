/**
 * Tables belong to their domain: another domain reads them through the owner's functions, and
 * names them only in its own tables.ts, for a foreign key. The reads below predate the rule
 * (issue 10) and are to be replaced by the owners' functions; the list may only shrink.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { layers, sourceFiles } from "./source-files.ts";

const knownReads = new Set<string>([
  "src/cycle/actions/repository.ts -> workspace/organisations: organisations",
  "src/cycle/actions/repository.ts -> workspace/partnerships: partnershipMembers",
  "src/cycle/budgets/repository.ts -> workspace/organisations: organisations",
  "src/cycle/governance/repository.ts -> workspace/organisations: organisations",
  "src/cycle/governance/repository.ts -> workspace/partnerships: partnershipMembers",
  "src/cycle/meetings/repository.ts -> workspace/organisations: organisations",
  "src/cycle/monitoring/dashboard-repository.ts -> cycle/actions: actionBudgets",
  "src/cycle/monitoring/dashboard-repository.ts -> cycle/actions: actionPartners",
  "src/cycle/monitoring/dashboard-repository.ts -> cycle/actions: actionPriorities",
  "src/cycle/monitoring/dashboard-repository.ts -> cycle/actions: actions",
  "src/cycle/monitoring/updates-due.ts -> cycle/actions: actions",
  "src/cycle/needs-assessment/repository.ts -> workspace/partnerships: partnerships",
  "src/cycle/reports/repository.ts -> cycle/monitoring: actionUpdates",
  "src/cycle/reports/repository.ts -> cycle/strategy: relatedStrategies",
  "src/cycle/reports/repository.ts -> cycle/strategy: strategicChoices",
  "src/cycle/reports/repository.ts -> cycle/strategy: strategies",
  "src/cycle/reports/repository.ts -> cycle/strategy: strategySignOffs",
  "src/cycle/reports/repository.ts -> workspace/partnerships: partnerships",
  "src/data/api/repository.ts -> data/indicators: periods",
  "src/data/localities/repository.ts -> data/geography: areas",
  "src/data/localities/repository.ts -> data/geography: comparisonGroupMembers",
  "src/data/localities/repository.ts -> data/geography: comparisonGroups",
  "src/data/localities/repository.ts -> data/geography: localities",
  "src/data/localities/repository.ts -> data/geography: localityAreas",
  "src/workspace/access/repository.ts -> workspace/organisations: organisations",
  "src/workspace/access/repository.ts -> workspace/partnerships: partnerships",
  "src/workspace/attention/repository.ts -> workspace/access: partnershipRoles",
  "src/workspace/attention/repository.ts -> workspace/access: users",
  "src/workspace/audit-log/repository.ts -> workspace/partnerships: partnerships",
  "src/workspace/partnerships/repository.ts -> workspace/organisations: organisations",
]);

const namedImport = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["'](\.[^"']+)["']/g;

/** `layer/domain` of a file under src, or null for the kernel and the composition root. */
function domainOf(src: string, file: string): string | null {
  const [layer, domain, ...rest] = path.relative(src, file).split(path.sep);
  return layers.includes(layer as (typeof layers)[number]) && domain && rest.length > 0 ? `${layer}/${domain}` : null;
}

/** Each domain's Drizzle tables, by the names its tables.ts exports. */
function tablesByDomain(src: string): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  for (const layer of layers) {
    for (const domain of readdirSync(path.join(src, layer))) {
      const file = path.join(src, layer, domain, "tables.ts");
      if (!existsSync(file)) continue;
      const names = [...readFileSync(file, "utf8").matchAll(/export const (\w+) = pgTable\(/g)].map((m) => m[1]!);
      tables.set(`${layer}/${domain}`, new Set(names));
    }
  }
  return tables;
}

export function tableReadProblems(src: string): string[] {
  const root = path.dirname(src);
  const tables = tablesByDomain(src);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of sourceFiles(src)) {
    const from = domainOf(src, file);
    if (!from || path.basename(file) === "tables.ts") continue;
    for (const match of readFileSync(file, "utf8").matchAll(namedImport)) {
      const to = domainOf(src, path.resolve(path.dirname(file), match[2]!));
      if (!to || to === from || !tables.has(to)) continue;
      for (const item of match[1]!.split(",")) {
        const name = item
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0]!;
        if (!tables.get(to)!.has(name)) continue;
        const key = `${path.relative(root, file)} -> ${to}: ${name}`;
        seen.add(key);
        if (!knownReads.has(key)) problems.push(`${key}: read ${to}'s table through its own functions`);
      }
    }
  }
  for (const key of knownReads) {
    if (!seen.has(key))
      problems.push(`known table read "${key}" no longer occurs: remove it from scripts/lint/table-reads.ts`);
  }
  return problems;
}
