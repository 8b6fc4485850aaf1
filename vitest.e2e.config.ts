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
    // A migrated snapshot for createTestDatabase, and the demo seeded once for startApp.
    globalSetup: ["tests/helpers/global-setup.ts", "tests/e2e/harness/global-setup.ts"],
    env: { PASSWORD_HASH_COST: "test" },
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
