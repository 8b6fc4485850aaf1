import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../kernel/config/config.ts";
import { backupEmbedded, restoreEmbedded } from "../kernel/db/backup.ts";
import { AppError } from "../kernel/errors/app-error.ts";

/** PostgreSQL has its own tools, which back up a live database consistently: the README shows how. */
function embeddedOnly(command: string): string {
  const config = loadConfig();
  if (config.databaseUrl)
    throw new AppError(
      "BAD_REQUEST",
      `cpah ${command} is for the embedded database; DATABASE_URL is set, so use PostgreSQL's tools: pg_dump --format=custom (backup) and pg_restore (restore), as the README's "Backup and restore" shows`,
    );
  return config.dataDir;
}

export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description("write a backup of the embedded database in DATA_DIR to <file> (stop cpah serve first)")
    .argument("<file>", "where to write the backup (a .tar.gz; an existing file is never overwritten)")
    .action(async (file: string) => {
      const dataDir = embeddedOnly("backup");
      const { bytes } = await backupEmbedded(dataDir, path.resolve(file));
      process.stdout.write(`Backed up ${dataDir} to ${file} (${(bytes / 1048576).toFixed(1)} MB).\n`);
    });

  program
    .command("restore")
    .description("replace the embedded database in DATA_DIR with a backup (stop cpah serve first)")
    .argument("<file>", "a backup written by cpah backup")
    .action(async (file: string) => {
      const dataDir = embeddedOnly("restore");
      const { previous } = await restoreEmbedded(dataDir, path.resolve(file));
      process.stdout.write(
        `Restored ${file} into ${dataDir}.${previous ? ` The database it replaced is kept in ${previous}; delete it once you are sure.` : ""}\n` +
          "cpah serve applies any newer migrations when it starts.\n",
      );
    });
}
