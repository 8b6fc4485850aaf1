import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { refreshAllAreaSeries, refreshAllPeerRanks } from "../data/indicators/index.ts";
import { openRuntime } from "./runtime.ts";

/**
 * Imports store each area's rank as they write values; a database whose values were imported
 * before ranks were stored has none, and its profiles rank every peer on request (correct, but
 * ~10× slower at 20 M values) until this has run once.
 */
export function registerRanksCommand(program: Command): void {
  program
    .command("ranks")
    .description(
      "recompute the stored peer ranks and the profile's read layout of every indicator (once, for values imported before they were stored)",
    )
    .action(async () => {
      const { database } = await openRuntime();
      const started = performance.now();
      const pairs = await database.db.transaction(async (tx) => {
        const ranked = await refreshAllPeerRanks(tx);
        await refreshAllAreaSeries(tx);
        return ranked;
      });
      await database.close();
      process.stdout.write(
        `Ranked ${pairs} indicator-period pairs in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    });
}
