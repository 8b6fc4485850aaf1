import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Vitest's order, except that the files known to run longest start first. With two workers a
 * long file started last leaves one core idle at the end (CI's clean clone has no timing cache
 * for Vitest to order by). Update the list from a CI log's per-file times.
 */
const SLOWEST_FIRST = [
  // end-to-end (CI log of 2026-12-05, longest first: with two workers the rest then fill in
  // behind the two halves of the accessibility crawl and both end together)
  "tests/e2e/accessibility-partnership.test.ts",
  "tests/e2e/accessibility.test.ts",
  "tests/e2e/national-hub.test.ts",
  "tests/e2e/prioritisation.test.ts",
  "tests/e2e/data-sharing.test.ts",
  "tests/e2e/area-profile.test.ts",
  "tests/e2e/consultation.test.ts",
  "tests/e2e/localities.test.ts",
  "tests/e2e/reports.test.ts",
  "tests/e2e/demo-indicators.test.ts",
  "tests/e2e/funding-plan.test.ts",
  "tests/e2e/needs-assessment.test.ts",
  // integration (PGlite pass, same log)
  "tests/integration/shared-data-import.test.ts",
  "tests/integration/cli-process.test.ts",
  "tests/integration/backup-restore.test.ts",
  "tests/integration/area-profile.test.ts",
  "tests/integration/demo.test.ts",
  "tests/integration/localities.test.ts",
  "tests/integration/parent-totals.test.ts",
  "tests/integration/successor-authorities.test.ts",
  "tests/integration/statxplore-geography.test.ts",
  "tests/integration/import-defects.test.ts",
  "tests/integration/demo-indicators.test.ts",
  "tests/integration/reports-demo.test.ts",
  "tests/integration/import-fuzz.test.ts",
  // Not cli-users.test.ts: its time is in the `cpah` processes it starts, and started beside the
  // shared-data import (on both drivers at once) it overran its time limit on a busy machine.
];

function rank(file: TestSpecification): number {
  const index = SLOWEST_FIRST.findIndex((suffix) => file.moduleId.endsWith(suffix));
  return index < 0 ? SLOWEST_FIRST.length : index;
}

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((file, position) => ({ file, position }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.position - b.position)
      .map(({ file }) => file);
  }
}
