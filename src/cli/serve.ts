import { buildApp } from "../app.ts";
import { closeXlsxReader, scheduleImportJobPurge } from "../data/imports/index.ts";
import { buildAssets } from "../kernel/http/assets.ts";
import { startMetricsServer } from "../kernel/http/metrics-server.ts";
import type { Config } from "../kernel/config/config.ts";
import type { Database } from "../kernel/db/database.ts";
import { analyzeStaleTables } from "../kernel/db/statistics.ts";
import { scheduleSessionPurge } from "../kernel/auth/session-purge.ts";
import { scheduleSurveyPurge } from "../cycle/have-your-say/index.ts";
import { scheduleSignInPurge } from "../workspace/access/index.ts";

/** Serves until SIGTERM/SIGINT, then drains in-flight requests and closes the database. */
export async function serve(config: Config, database: Database, onListening?: (url: string) => void): Promise<void> {
  await buildAssets();
  const { app, lifecycle, metrics } = await buildApp({ config, database });
  // PGlite has no autovacuum: statistics for what was written since the last start (the demo
  // seed, restored backups, writes of the last run), before the first request plans against none.
  if (database.kind === "pglite") {
    const analyzed = await analyzeStaleTables(database.db, database.kind);
    if (analyzed.length > 0)
      app.log.info({ tables: analyzed }, `updated planner statistics of ${analyzed.length} tables`);
  }
  const sessionPurge = scheduleSessionPurge(database.db, { log: app.log });
  const surveyPurge = scheduleSurveyPurge(database.db, { log: app.log });
  const importJobPurge = scheduleImportJobPurge(database.db, { log: app.log });
  const signInPurge = scheduleSignInPurge(database.db, { log: app.log });
  const address = await app.listen({ host: config.host, port: config.port });
  const metricsServer =
    config.metricsPort === undefined ? undefined : await startMetricsServer(metrics, config.host, config.metricsPort);
  if (metricsServer) app.log.info({ url: metricsServer.url }, `Prometheus metrics at ${metricsServer.url}`);
  app.log.info(
    { url: config.publicUrl ?? address, address, database: database.kind },
    `Child Poverty Action Hub is running at ${config.publicUrl ?? address}`,
  );
  onListening?.(address);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.shuttingDown = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const timer = setTimeout(() => {
      app.log.error("shutdown took over 25 s; exiting");
      process.exit(1);
    }, 25_000);
    timer.unref();
    await Promise.all([app.close(), metricsServer?.close()]);
    // Before the database closes: a purge in progress finishes, and no new one starts.
    await Promise.all([sessionPurge.stop(), surveyPurge.stop(), importJobPurge.stop(), signInPurge.stop()]);
    // The browser and the DOCX worker closed with the app (lib/documents' onClose), after its PDF jobs.
    await closeXlsxReader().catch(() => undefined);
    await database.close();
    app.log.info("shutdown complete");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
