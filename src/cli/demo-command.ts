import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { type DemoSignIn, seedDemo } from "../domains/demo/index.ts";
import { openRuntime } from "./runtime.ts";
import { serve } from "./serve-commands.ts";

export function signInTable(signIns: DemoSignIn[]): string {
  const header = { role: "Role", email: "Email", password: "Password", partnership: "Partnership" };
  const rows = [header, ...signIns.map((row) => ({ ...row, partnership: row.partnership ?? "-" }))];
  const widths = (["role", "email", "password"] as const).map((key) => Math.max(...rows.map((row) => row[key].length)));
  return rows
    .map((row) => [row.role.padEnd(widths[0]!), row.email.padEnd(widths[1]!), row.password.padEnd(widths[2]!), row.partnership].join("  "))
    .join("\n");
}

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("create the fictional demo partnerships and people (kept if they exist), then serve the app")
    .option("--no-serve", "seed the demo data and exit")
    .action(async (options: { serve: boolean }) => {
      const { config, database } = await openRuntime();
      const signIns = await seedDemo(database);
      mkdirSync(config.dataDir, { recursive: true });
      const file = path.join(config.dataDir, "demo-sign-ins.json");
      writeFileSync(file, `${JSON.stringify(signIns, null, 2)}\n`, { mode: 0o600 });
      process.stdout.write("Fictional demo data is ready. Sign in as any of these invented people:\n\n");
      process.stdout.write(`${signInTable(signIns)}\n\nThese sign-ins are also in ${file}\n`);
      if (!options.serve) {
        await database.close();
        return;
      }
      await serve(config, database, (url) => process.stdout.write(`\nThe demo is running at ${url} (stop with Ctrl+C)\n`));
    });
}
