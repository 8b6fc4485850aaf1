import { defineConfig } from "vitest/config";
import { SlowestFirstSequencer } from "./tests/helpers/sequencer.ts";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/integration/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    // Migrates one database up front; each test file gets its own copy (tests/helpers).
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Cheap argon2 parameters, honoured only under NODE_ENV=test (src/kernel/auth/passwords.ts).
    env: { PASSWORD_HASH_COST: "test" },
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
