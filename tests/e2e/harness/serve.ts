import type { Browser } from "playwright-core";
import { buildApp } from "../../../src/app.ts";
import type { Database } from "../../../src/kernel/db/database.ts";
import { testConfig } from "../../helpers/test-app.ts";
import { launchBrowser } from "./browser.ts";

export interface ServedApp {
  origin: string;
  browser: Browser;
  /** Closes the browser and the app (the caller owns and closes the database). */
  stop(): Promise<void>;
}

/** The real app on a free loopback port over an already-seeded database, and a Chromium for it. */
export async function serveWithBrowser(database: Database): Promise<ServedApp> {
  const { app } = await buildApp({ config: testConfig(), database, logger: false });
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  const browser = await launchBrowser();
  return {
    origin,
    browser,
    async stop() {
      await browser.close();
      await app.close();
    },
  };
}
