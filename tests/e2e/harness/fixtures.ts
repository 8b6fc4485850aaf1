import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { test as base } from "vitest";
import { buildApp } from "../../../src/app.ts";
import { buildAssets } from "../../../src/kernel/http/assets.ts";
import { testConfig } from "../../helpers/test-app.ts";
import { dbTest } from "../../helpers/app-test.ts";
import { createTestDatabase } from "../../helpers/test-database.ts";
import { startApp } from "./app.ts";
import { launchBrowser } from "./browser.ts";

type OnCleanup = (cleanup: () => Promise<void>) => void;

async function launched(onCleanup: OnCleanup): Promise<Browser> {
  const browser = await launchBrowser();
  onCleanup(() => browser.close());
  return browser;
}

async function pageIn(browser: Browser, options: BrowserContextOptions, onCleanup: OnCleanup): Promise<Page> {
  const context = await browser.newContext(options);
  onCleanup(() => context.close());
  return context.newPage();
}

/**
 * End-to-end tests: one Chromium per file (`browser`) and a fresh page per test (`page`, in a
 * context of its own with `contextOptions`, closed after the test). A file that needs other
 * context options extends `contextOptions`:
 *
 *   const test = browserTest.extend("contextOptions", { scope: "file" }, { javaScriptEnabled: false });
 */
export const browserTest = base
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
  .extend("browser", { scope: "file" }, ({}, { onCleanup }) => launched(onCleanup))
  .extend("contextOptions", { scope: "file" }, {} as BrowserContextOptions)
  .extend("page", ({ browser, contextOptions }, { onCleanup }) => pageIn(browser, contextOptions, onCleanup));

/** `browserTest` plus the app with the demo data (`running`: a copy of the demo seeded once per run). */
export const demoAppTest = browserTest
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
  .extend("running", { scope: "file" }, async ({}, { onCleanup }) => {
    const running = await startApp();
    onCleanup(() => running.stop());
    return running;
  });

/**
 * `dbTest` (a migrated, empty `database` for the file to seed in `beforeAll`, with `db` and
 * `fixtures`), a browser and page as in `browserTest`, and the real app served over that
 * database on a free loopback port (`origin`, started when a test first asks for it).
 */
export const servedAppTest = dbTest
  // The assets are built with the database, in the file's beforeAll and its timeout, as before.
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
  .extend("database", { scope: "file" }, async ({}, { onCleanup }) => {
    await buildAssets();
    const database = await createTestDatabase();
    onCleanup(() => database.close());
    return database;
  })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
  .extend("browser", { scope: "file" }, ({}, { onCleanup }) => launched(onCleanup))
  .extend("contextOptions", { scope: "file" }, {} as BrowserContextOptions)
  .extend("page", ({ browser, contextOptions }, { onCleanup }) => pageIn(browser, contextOptions, onCleanup))
  .extend("origin", { scope: "file" }, async ({ database }, { onCleanup }) => {
    const { app } = await buildApp({ config: testConfig(), database, logger: false });
    onCleanup(() => app.close());
    return app.listen({ host: "127.0.0.1", port: 0 });
  });
