import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { type DemoSignIn, seedDemo } from "../demo/seed/index.ts";
import { importerFor, ImportRejected, readSourceFile, runImport } from "../data/imports/index.ts";
import type { Db } from "../kernel/db/database.ts";
import { AppError } from "../kernel/errors/app-error.ts";
import { openRuntime } from "./runtime.ts";

export function signInTable(signIns: DemoSignIn[]): string {
  const header = { role: "Role", email: "Email", password: "Password", partnership: "Partnership" };
  const rows = [header, ...signIns.map((row) => ({ ...row, partnership: row.partnership ?? "-" }))];
  const widths = (["role", "email", "password"] as const).map((key) => Math.max(...rows.map((row) => row[key].length)));
  return rows
    .map((row) =>
      [
        row.role.padEnd(widths[0]!),
        row.email.padEnd(widths[1]!),
        row.password.padEnd(widths[2]!),
        row.partnership,
      ].join("  "),
    )
    .join("\n");
}

/**
 * Optional real boundaries for the demo's maps (the national view's report-status map). The
 * demo never needs them: without the option it runs on a fresh machine with nothing beside it.
 * The importer upserts, so running the demo again with the same file changes nothing.
 */
export async function loadDemoBoundaries(db: Db, file: string): Promise<{ areas: number }> {
  try {
    const report = await runImport(db, {
      importer: importerFor("geography-topology")!,
      file: await readSourceFile(file),
      options: {},
      dryRun: false,
      audit: { actorUserId: null, actorLabel: "demo" },
    });
    if (report.errors.length > 0)
      throw new AppError("VALIDATION", `--boundaries ${file}: ${report.errors.map((e) => e.message).join("; ")}`);
    return { areas: report.areas };
  } catch (error) {
    if (error instanceof ImportRejected) throw new AppError("VALIDATION", `--boundaries: ${error.message}`);
    throw error;
  }
}

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("create the fictional demo partnerships and people (kept if they exist), then serve the app")
    .option("--no-serve", "seed the demo data and exit")
    .option(
      "--boundaries <file>",
      "also load the ONS local-authority TopoJSON (e.g. ../shared/data/geography/uk-local-authorities-topo.json) for the maps",
    )
    .action(async (options: { serve: boolean; boundaries?: string }) => {
      const { config, database } = await openRuntime();
      if (options.boundaries) {
        const loaded = await loadDemoBoundaries(database.db, options.boundaries);
        process.stdout.write(`Loaded boundaries for ${loaded.areas} areas from ${options.boundaries}\n`);
      }
      const signIns = await seedDemo(database);
      mkdirSync(config.dataDir, { recursive: true });
      const file = path.join(config.dataDir, "demo-sign-ins.json");
      writeFileSync(file, `${JSON.stringify(signIns, null, 2)}\n`, { mode: 0o600 });
      process.stdout.write("Fictional demo data is ready. Sign in as any of these invented people:\n\n");
      process.stdout.write(
        `${signInTable(signIns)}\n\nThese sign-ins are also in ${file}\n` +
          "The administrator and national coordinators set up an authenticator app (two-factor authentication) at their first sign-in.\n",
      );
      if (!options.serve) {
        await database.close();
        return;
      }
      const { serve } = await import("./serve.ts"); // not loaded for --no-serve
      await serve(config, database, (url) =>
        process.stdout.write(`\nThe demo is running at ${url} (stop with Ctrl+C)\n`),
      );
    });
}
