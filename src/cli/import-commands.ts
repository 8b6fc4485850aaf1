import { readdir, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import type { AuditContext } from "../kernel/audit/audit.ts";
import type { Db } from "../kernel/db/database.ts";
import { AppError } from "../kernel/errors/app-error.ts";
import {
  type ImportReport,
  importerFor,
  importers,
  ImportRejected,
  readSourceFile,
  recogniseFile,
  runImport,
  sharedDataSteps,
  unrecognisedText,
} from "../data/imports/index.ts";
import { londonInstant } from "../data/indicators/index.ts";
import { printReport } from "./import-report.ts";
import { createProgress } from "./progress.ts";
import { openRuntime } from "./runtime.ts";

interface ImportFlags {
  dryRun?: boolean;
  period?: string;
  encoding?: string;
  indicator?: string;
  title?: string;
  unit?: string;
  name?: string;
  groupKind?: string;
  subject?: string;
  alias?: string[];
  skipUnmatched?: boolean;
  mapping?: string;
  publisher?: string;
  dataset?: string;
  sourceUrl?: string;
  disclosure?: string;
  authority?: string;
  partnership?: string;
  sheet?: string;
  release?: string;
  areaType?: string;
  also?: string[];
  releaseAt?: string;
}

/**
 * `--release-at "2027-03-31 09:30"` (UK time): the values are held back until then (an embargo
 * set in the import's own transaction). A time already past, or not a real one, is refused.
 */
function releaseAtOf(text: string | undefined): Date | null {
  if (text === undefined) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})$/.exec(text.trim());
  const until = match ? londonInstant(match[1]!, match[2]!) : null;
  if (!until)
    throw new AppError("VALIDATION", `--release-at "${text}" is not a UK date and time like "2027-03-31 09:30"`);
  if (until.getTime() <= Date.now())
    throw new AppError("VALIDATION", `--release-at "${text}" has passed; give a time still to come, or leave it out`);
  return until;
}

function cliAudit(): AuditContext {
  return { actorUserId: null, actorLabel: `cli:${os.userInfo().username}` };
}

/** CLI flags → the importer's options object (each importer's Zod schema keeps what it uses). */
async function optionsFrom(flags: ImportFlags): Promise<Record<string, unknown>> {
  const options: Record<string, unknown> = {};
  for (const key of [
    "period",
    "encoding",
    "indicator",
    "title",
    "unit",
    "name",
    "subject",
    "publisher",
    "dataset",
    "sourceUrl",
    "disclosure",
    "authority",
    "sheet",
    "release",
    "areaType",
  ] as const) {
    if (flags[key] !== undefined) options[key] = flags[key];
  }
  if (flags.groupKind) options.kind = flags.groupKind;
  if (flags.skipUnmatched) options.skipUnmatched = true;
  if (flags.also?.length) options.extraTypes = flags.also;
  if (flags.alias?.length) {
    options.aliases = Object.fromEntries(
      flags.alias.map((pair) => {
        const at = pair.lastIndexOf("=");
        if (at < 1) throw new AppError("VALIDATION", `--alias "${pair}": use --alias "Area name=E06000001"`);
        return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      }),
    );
  }
  if (flags.mapping) {
    try {
      options.mapping = JSON.parse(await readFile(flags.mapping, "utf8"));
    } catch (error) {
      throw new AppError(
        "VALIDATION",
        `--mapping ${flags.mapping}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return options;
}

async function importOne(
  db: Db,
  kind: string,
  file: string,
  options: unknown,
  flags: {
    dryRun: boolean;
    partnership?: string | undefined;
    recognisedAs?: string | undefined;
    embargoUntil?: Date | null;
  },
): Promise<ImportReport> {
  const importer = importerFor(kind);
  if (!importer)
    throw new AppError("VALIDATION", `unknown import kind "${kind}"; one of: ${[...importers.keys()].join(", ")}`);
  try {
    const source = await readSourceFile(file);
    return await runImport(db, {
      importer,
      file: source,
      options,
      dryRun: flags.dryRun,
      audit: cliAudit(),
      partnershipId: flags.partnership ?? null,
      progress: createProgress(),
      recognisedAs: flags.recognisedAs,
      embargoUntil: flags.embargoUntil ?? null,
    });
  } catch (error) {
    if (error instanceof ImportRejected) throw new AppError("VALIDATION", error.message);
    throw error;
  }
}

/**
 * `cpah import <file>`: the kind worked out from the file (a directory: from its first JSON
 * file), or an error that says what the file looked like and how to name its kind.
 */
async function recognised(file: string): Promise<{ kind: string; reason: string }> {
  const info = await stat(file).catch(() => null);
  if (!info)
    throw new AppError(
      "VALIDATION",
      `"${file}" is neither an import kind nor a file; kinds: ${[...importers.keys()].join(", ")}`,
    );
  const first = info.isDirectory() ? (await readdir(file)).filter((f) => f.endsWith(".json")).sort()[0] : file;
  const target = first && info.isDirectory() ? path.join(file, first) : first;
  try {
    const source = target ? await readSourceFile(target) : null;
    const [found] = source ? await recogniseFile(source) : [];
    if (found) return { kind: found.importer.kind, reason: found.reason };
    const looked = source ? await unrecognisedText(source) : "a directory with no JSON files";
    throw new AppError(
      "VALIDATION",
      `cannot tell what kind of file ${file} is (${looked}); name its kind: cpah import <kind> ${file}`,
    );
  } catch (error) {
    if (error instanceof ImportRejected) throw new AppError("VALIDATION", error.message);
    throw error;
  }
}

/** A directory of boundary files imports file by file (one transaction each). */
async function filesFor(kind: string, file: string): Promise<string[]> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError("VALIDATION", `${file}: no such file or directory`);
  if (!info.isDirectory()) return [file];
  if (kind !== "lsoa-boundaries" && kind !== "msoa-boundaries")
    throw new AppError(
      "VALIDATION",
      `${file} is a directory; only lsoa-boundaries and msoa-boundaries import a directory`,
    );
  return (await readdir(file))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(file, f));
}

export function registerImportCommands(program: Command): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command("import")
    .description(`import a data file: ${[...importers.keys()].join(", ")}, or "all-shared [dir]"`)
    .argument("<kind>", "what the file is (or all-shared); left out, it is worked out from the file")
    .argument("[file]", "the file (or directory for lsoa-boundaries, msoa-boundaries and all-shared)")
    .option("--dry-run", "check the file and print the report without importing")
    .option("--period <period>", "period of the values (IoD/SIMD/wide), e.g. 2019")
    .option("--encoding <encoding>", "utf-8 or windows-1252 (default: worked out from the file)")
    .option("--indicator <slug>", "indicator slug (statxplore)")
    .option("--title <title>", "indicator title for a new indicator (statxplore)")
    .option("--unit <unit>", "unit for a new indicator (statxplore)")
    .option("--name <name>", "comparison group name")
    .option("--group-kind <kind>", "comparison group kind: cipfa, statistical, geographic, user")
    .option("--subject <code>", "comparison group: the authority it was built for")
    .option("--alias <name=code>", "statxplore: resolve an unmatched area name (repeatable; remembered)", collect)
    .option("--skip-unmatched", "statxplore: import matched areas and leave unmatched names out")
    .option("--mapping <file.json>", "wide: the column mapping")
    .option("--area-type <type>", "statxplore: the geography of the rows (default: the type most names belong to)")
    .option(
      "--also <type>",
      "statxplore: also import rows naming areas of this type, e.g. region subtotals (repeatable)",
      collect,
    )
    .option("--publisher <publisher>", "statxplore, tidy: publisher of the figures")
    .option(
      "--dataset <dataset>",
      "statxplore, tidy: the dataset the figures come from (statxplore: default the export's title)",
    )
    .option("--source-url <url>", "statxplore, tidy: source URL")
    .option("--disclosure <rule>", "tidy: none (published statistics) or small-count (local data)")
    .option("--sheet <name>", "tidy/wide XLSX: the sheet to read (default the first; nimdm: MDM)")
    .option(
      "--release <year>",
      "iod, wimd, nimdm: the edition, when the file's columns do not say it (nimdm default 2017; a WIMD local authority analysis names none: its file name's year, else this)",
    )
    .option("--authority <code>", "lsoa-boundaries/msoa-boundaries: the authority, if the file does not say")
    .option("--partnership <id>", "the partnership the data belongs to (local data)")
    .option("--release-at <when>", 'hold the values back until this UK date and time, e.g. "2027-03-31 09:30"')
    .action(async (kind: string, file: string | undefined, flags: ImportFlags) => {
      const { database } = await openRuntime();
      let failed = false;
      try {
        if (kind === "all-shared") {
          const dir = path.resolve(file ?? path.join(process.cwd(), "..", "shared", "data"));
          for (const step of await sharedDataSteps(dir)) {
            if (!(await stat(step.file).catch(() => null))) {
              process.stderr.write(`skipped ${step.kind} ${step.file}: not found\n`);
              continue;
            }
            const report = await importOne(database.db, step.kind, step.file, step.options, { dryRun: !!flags.dryRun });
            if (printReport(report, !step.kind.endsWith("-boundaries"))) failed = true;
          }
        } else {
          const detected = file === undefined && !importerFor(kind) ? await recognised(kind) : null;
          const target = detected ? kind : file;
          const importKind = detected?.kind ?? kind;
          if (!target) throw new AppError("VALIDATION", "give the file to import");
          const options = await optionsFrom(flags);
          const embargoUntil = releaseAtOf(flags.releaseAt);
          for (const one of await filesFor(importKind, target)) {
            const report = await importOne(database.db, importKind, one, options, {
              dryRun: !!flags.dryRun,
              partnership: flags.partnership,
              recognisedAs: detected?.reason,
              embargoUntil,
            });
            if (printReport(report, true)) failed = true;
          }
        }
      } finally {
        await database.close();
      }
      if (failed) throw new AppError("VALIDATION", "nothing was imported from the file(s) with errors listed above");
    });
}
