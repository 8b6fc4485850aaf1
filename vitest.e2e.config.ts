import { defineConfig } from "vitest/config";

// End-to-end and accessibility tests: a real Chromium against the app served in-process.
// One file at a time: each starts its own app and browser, and the machine is small.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
