import { Command, CommanderError } from "commander";
import { ConfigError } from "../kernel/config/config.ts";
import { AppError } from "../kernel/errors/app-error.ts";
import { registerBackupCommands } from "./backup-commands.ts";
import { registerDemoCommand } from "./demo-command.ts";
import { registerImportCommands } from "./import-commands.ts";
import { registerRanksCommand } from "./ranks-command.ts";
import { registerServeCommands } from "./serve-commands.ts";
import { registerUserCommands } from "./user-commands.ts";

const program = new Command()
  .name("cpah")
  .description("Child Poverty Action Hub: run the service and manage its data")
  .exitOverride();

registerServeCommands(program);
registerUserCommands(program);
registerDemoCommand(program);
registerImportCommands(program);
registerRanksCommand(program);
registerBackupCommands(program);

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
