import { defineConfig } from "vitest/config";
import { SlowestFirstSequencer } from "./tests/helpers/sequencer.ts";

// End-to-end and accessibility tests: a real Chromium against the app served in-process.
// Two files at a time (the machine has two cores): the accessibility crawl is split in two
// files that start first, and the focused files share the remaining time.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // As in the integration suite: each worker keeps its loaded modules (the app, Playwright, axe)
    // from one file to the next, instead of importing them again for each of the 20 files (CI's
    // log: 127 s of module import in 859 s). Each file still starts its own app and Chromium.
    isolate: false,
    // A migrated snapshot for createTestDatabase, and the demo seeded once for startApp.
    globalSetup: ["tests/helpers/global-setup.ts", "tests/e2e/harness/global-setup.ts"],
    env: { PASSWORD_HASH_COST: "test" },
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
