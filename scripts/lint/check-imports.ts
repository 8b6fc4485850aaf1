/**
 * The import rule (docs/ARCHITECTURE.md): the kernel imports no domain; a domain imports the
 * kernel, its own files and other domains' public `index.ts` only; domains import down the
 * layers (lib → workspace → data → cycle → national → demo) and never in a cycle.
 * Run by `npm run lint`; exits 1 naming every file and import that breaks it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const src = path.join(root, "src");
/** Lower layers first: a domain may import domains of its own layer or an earlier one. */
export const layers = ["lib", "workspace", "data", "cycle", "national", "demo"] as const;

interface Location {
  kind: "kernel" | "domain" | "composition";
  layer?: number;
  domain?: string;
}

function locate(file: string): Location | null {
  const rel = path.relative(src, file).split(path.sep);
  if (rel[0] === "..") return null;
  if (rel[0] === "kernel") return { kind: "kernel" };
  const layer = layers.indexOf(rel[0] as (typeof layers)[number]);
  if (layer >= 0 && rel.length >= 3) return { kind: "domain", layer, domain: `${rel[0]}/${rel[1]}` };
  return { kind: "composition" };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [full] : [];
  });
}

/**
 * Imports that break the rule today and are being removed (issue 10): each is `file -> spec`.
 * The list may only shrink; an entry that no longer matches anything is itself a problem.
 */
const knownExceptions = new Set<string>([
  "src/cycle/actions/tables.ts -> ../strategy/tables.ts",
  "src/cycle/monitoring/rollups.ts -> ../actions/vocabulary.ts",
  "src/cycle/monitoring/tables.ts -> ../actions/tables.ts",
  "src/cycle/reports/repository.ts -> ../../national/national/index.ts",
  "src/workspace/attention/attention-service.ts -> ../../cycle/meetings/index.ts",
  "src/workspace/attention/attention-service.ts -> ../../cycle/monitoring/index.ts",
  "src/workspace/attention/attention-service.ts -> ../../national/national/index.ts",
]);

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^"']*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

export function importProblems(): string[] {
  const problems: string[] = [];
  const excused = new Set<string>();
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = locate(file);
    if (!from || from.kind === "composition") continue;
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(importPattern)) {
      const spec = (match[1] ?? match[2])!;
      const target = path.resolve(path.dirname(file), spec);
      const to = locate(target);
      const where = `${path.relative(root, file)} imports ${spec}`;
      if (!to) continue;
      const key = `${path.relative(root, file)} -> ${spec}`;
      if (knownExceptions.has(key)) {
        excused.add(key);
        continue;
      }
      if (from.kind === "kernel") {
        if (to.kind !== "kernel") problems.push(`${where}: the kernel imports no domain`);
        continue;
      }
      if (to.kind === "kernel") continue;
      if (to.kind === "composition") {
        problems.push(`${where}: a domain never imports the composition root or the CLI`);
        continue;
      }
      if (to.domain === from.domain) continue;
      if (path.basename(target) !== "index.ts" || path.dirname(target) !== path.join(src, to.domain!)) {
        problems.push(`${where}: another domain is reached through its index.ts only`);
      }
      if (to.layer! > from.layer!) {
        problems.push(
          `${where}: ${layers[from.layer!]} may not import ${layers[to.layer!]} (layers run ${layers.join(" → ")})`,
        );
      }
      if (!edges.has(from.domain!)) edges.set(from.domain!, new Set());
      edges.get(from.domain!)!.add(to.domain!);
    }
  }
  problems.push(...cycles(edges));
  for (const key of knownExceptions) {
    if (!excused.has(key)) problems.push(`known exception "${key}" no longer occurs: remove it from the list`);
  }
  return problems;
}

function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "visiting");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "visiting")
        found.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(" → ")}`);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = importProblems();
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`${problems.length} import rule problem(s): see docs/ARCHITECTURE.md, "The import rule"`);
    process.exit(1);
  }
  console.log("Import rule: every domain import goes through an index.ts, down the layers, without cycles");
}
