import type { Command } from "commander";
import { openRuntime } from "./runtime.ts";

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("run the web service (migrates the database first)")
    .action(async () => {
      const { config, database } = await openRuntime();
      // The app's module graph only where it serves: `migrate` stays a quick command.
      const { serve } = await import("./serve.ts");
      await serve(config, database);
    });

  program
    .command("migrate")
    .description("apply database migrations, load the built-in reference geography, and exit")
    .action(async () => {
      const { database, reference } = await openRuntime();
      await database.close();
      process.stdout.write(
        `Migrations applied. Reference geography ${reference.version}: ${reference.loaded ? `loaded (${reference.areas} areas)` : "already loaded"}.\n`,
      );
    });
}
