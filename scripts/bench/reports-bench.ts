/**
 * Report generation benchmark (issue 5): a Scottish partnership with 60 actions, 4 quarters of
 * updates and 12 indicators with values in the store (12 trend charts, plus the status chart).
 * Times drafting the LCPAR from the database, then DOCX (goal ≤ 1.5 s) and PDF (goal ≤ 3 s).
 * Run: npx tsx scripts/bench/reports-bench.ts [runs]
 */
import os from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { addIndicator } from "../../src/cycle/actions/index.ts";
import {
  chromiumAvailable,
  closeDocumentWorker,
  createPdfRenderer,
  type DocumentInput,
  renderDocumentDocx,
} from "../../src/lib/documents/index.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { partnershipMembers, partnerships } from "../../src/workspace/partnerships/index.ts";
import { composeDocument, generateReport, loadReportData } from "../../src/cycle/reports/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../src/data/geography/index.ts";
import { seedIndicatorStore } from "../../tests/helpers/indicator-store.ts";

const runs = Number(process.argv[2] ?? 5);
const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL });
await prepareDatabase(database);
const db = database.db;
const audit = { actorUserId: null, actorLabel: "bench" };

const seedStart = performance.now();
const stamp = Date.now();
const orgRows = await db
  .insert(organisations)
  .values(
    [
      ["Benchford Council", "council"],
      ["NHS Benchford", "health-board"],
      ["Benchford Jobcentre Plus", "jobcentre-plus"],
      ["Benchford Housing", "housing-provider"],
      ["Benchford Advice", "advice-agency"],
    ].map(([name, type]) => ({ name: `${name} ${stamp}`, type: type! })),
  )
  .returning();
const areaCode = `S12${String(stamp).slice(-6)}`;
const [partnership] = await db
  .insert(partnerships)
  .values({
    name: `Benchford Partnership ${stamp}`,
    nation: "scotland",
    areaCode,
    areaName: "Benchford",
    isFictional: true,
  })
  .returning();
await db
  .insert(partnershipMembers)
  .values(orgRows.map((row) => ({ partnershipId: partnership!.id, organisationId: row.id })));
await buildDemoStrategy(db, { partnershipId: partnership!.id, financialYear: 2024, actions: 60, audit });
const slugs = await seedIndicatorStore(db, { code: areaCode, name: "Benchford", nation: "scotland" }, 12);
const { items } = await import("../../src/cycle/actions/index.ts").then((m) => m.loadPlan(db, partnership!.id));
for (const [index, slug] of slugs.entries()) {
  await addIndicator(db, audit, partnership!.id, items[index]!.id, {
    indicatorRef: slug,
    label: `Fixture indicator ${index + 1}`,
    baseline: 25,
    baselinePeriod: "2022/23",
    target: 18,
    targetDate: "2028-03-31",
  });
}
console.log(
  `Seeded 60 actions, 4 quarters of updates, 12 indicators in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(name: string, goalMs: number | null, work: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const durations: number[] = [];
  for (let i = 0; i <= runs; i++) {
    if (i === 1) histogram.enable();
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  histogram.disable();
  const [cold, ...warm] = durations;
  const med = median(warm);
  const verdict =
    goalMs === null ? "" : med <= goalMs ? `  goal ≤ ${goalMs} ms: met` : `  goal ≤ ${goalMs} ms: NOT met`;
  console.log(
    `${name.padEnd(52)} cold ${cold!.toFixed(0).padStart(5)} ms  median ${med.toFixed(0).padStart(5)} ms  max ${Math.max(
      ...warm,
    )
      .toFixed(0)
      .padStart(5)} ms  event-loop max ${(histogram.max / 1e6).toFixed(0)} ms${verdict}`,
  );
}

let document: DocumentInput | undefined;
let figures = 0;
console.log(`Report generation, ${runs} warm runs after one cold run (load average ${os.loadavg()[0]!.toFixed(1)})`);
let data: Awaited<ReturnType<typeof loadReportData>> | undefined;
await time("Load the recorded work (queries)", null, async () => {
  data = await loadReportData(db, partnership!, "2024/25");
});
await time("Draft the LCPAR sections and 13 charts (CPU)", null, async () => {
  const generated = await generateReport("lcpar", data!, "2025-05-20");
  figures = generated.sections.flatMap((section) => section.blocks).filter((block) => block.type === "figure").length;
  document = composeDocument({
    partnership: partnership!,
    generated,
    narratives: new Map(),
    signOffs: [],
    status: "Draft",
  });
});
console.log(`  (${document!.sections.length} sections, ${figures} charts)`);
try {
  await time("DOCX (worker thread)", 1500, () => renderDocumentDocx(document!));
} finally {
  await closeDocumentWorker();
}
if (chromiumAvailable()) {
  const pdf = createPdfRenderer();
  try {
    await time("PDF (headless Chromium; cold includes launch)", 3000, () => pdf.renderDocument(document!));
  } finally {
    await pdf.close();
  }
} else {
  console.warn("PDF skipped: /usr/bin/chromium is not installed");
}
await database.close();
