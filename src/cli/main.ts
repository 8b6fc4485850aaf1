import { Command, CommanderError } from "commander";
import { ConfigError } from "../kernel/config/config.ts";
import { AppError } from "../kernel/errors/app-error.ts";

type Register = (program: Command) => void;

// Each command's module is loaded only when that command runs: loading all of them (the whole
// app, the demo, every importer) cost ~8 s of CPU before `cpah backup` or a configuration error
// could answer. Help, and anything not named here, loads them all so every command is listed.
const commandModules: Record<string, () => Promise<Register>> = {
  serve: async () => (await import("./serve-commands.ts")).registerServeCommands,
  migrate: async () => (await import("./serve-commands.ts")).registerServeCommands,
  user: async () => (await import("./user-commands.ts")).registerUserCommands,
  demo: async () => (await import("./demo-command.ts")).registerDemoCommand,
  import: async () => (await import("./import-commands.ts")).registerImportCommands,
  ranks: async () => (await import("./ranks-command.ts")).registerRanksCommand,
  backup: async () => (await import("./backup-commands.ts")).registerBackupCommands,
  restore: async () => (await import("./backup-commands.ts")).registerBackupCommands,
};

const program = new Command()
  .name("cpah")
  .description("Child Poverty Action Hub: run the service and manage its data")
  .exitOverride();

const named = commandModules[process.argv[2] ?? ""];
const registers = named ? [await named()] : await Promise.all(Object.values(commandModules).map((load) => load()));
for (const register of new Set(registers)) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError || error instanceof AppError) {
    process.stderr.write(`cpah: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`cpah: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
