import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { IMPORT_JOB_RETENTION_SECONDS } from "../../src/data/imports/index.ts";
import { NODE_ID } from "../../src/data/imports/job-progress.ts";
import { insertJob, purgeJobs } from "../../src/data/imports/job-repository.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { areaInputs } from "../helpers/areas.ts";
import { confirmImport, uploadForImport as upload } from "../helpers/data-import.ts";
import type { TestClient } from "../helpers/test-app.ts";

let partnershipId: string;
let otherId: string;
let leadId: string;

const PREVIEW_ACTION = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/;

/** A tidy file of `rows` values: two areas, a period per year, as many indicators as it takes. */
function tidyFile(rows: number, bad?: { row: number; value: string }): string {
  const lines = ["area_code,period,indicator,value"];
  for (let i = 0; i < rows; i++) {
    const area = i % 2 === 0 ? "E06000005" : "E06000001";
    const pair = Math.floor(i / 2);
    const value = bad && lines.length + 1 === bad.row ? bad.value : String(100 + (i % 50));
    lines.push(`${area},${2000 + (pair % 20)},job-test-${Math.floor(pair / 20)},${value}`);
  }
  return `${lines.join("\n")}\n`;
}

async function preview(client: TestClient, name: string, content: string) {
  const page = await upload(client, partnershipId, { kind: "tidy" }, { name, content });
  return { page, action: PREVIEW_ACTION.exec(page.body)?.[1] };
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

test.beforeAll(async ({ db, fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  const partnership = await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington");
  const other = await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool");
  partnershipId = partnership.id;
  otherId = other.id;
  leadId = (await fixtures.user("lead@jobs.example", org.id, { roles: [[partnership.id, "lead"]] })).id;
  await fixtures.user("editor@jobs.example", org.id, { roles: [[partnership.id, "editor"]] });
  await fixtures.user("other@jobs.example", org.id, { roles: [[other.id, "lead"]] });
  await fixtures.user("admin@jobs.example", org.id, { admin: true });
  await upsertAreas(db, areaInputs("E06000005:Darlington", "E06000001:Hartlepool"));
});

describe("web imports as jobs", () => {
  test("an upload runs as a job to the end: counts, stages and the result banner", async ({ db, signIn }) => {
    const lead = await signIn("lead@jobs.example");
    const { page, action } = await preview(lead, "jobs.csv", tidyFile(120));
    expect(page.statusCode).toBe(200);
    const job = await confirmImport(lead, action!);
    expect(job.status).toBe("done");
    expect(job.page.statusCode).toBe(200);
    expect(job.page.body).toContain("jobs.csv was imported");
    expect(job.page.body).toContain("120 values written for 3 indicators");
    expect(job.page.body).toContain('<span data-job-field="rowsText">120 of 120</span>');
    expect(job.page.body).toContain('<span data-job-field="percentage">100</span>%');
    expect(job.page.body.match(/govuk-task-list__status[^>]*>\s*Completed/g)).toHaveLength(3);
    // Over: no refresh button, and the script is told not to poll.
    expect(job.page.body).not.toContain("Refresh progress");
    expect(job.page.body).toContain('data-over="true"');
    const status = JSON.parse((await lead.get(`${job.confirmed.headers.location}/status`)).body);
    expect(status).toMatchObject({ status: "done", over: true, percentage: 100, rowsText: "120 of 120" });
    const [row] = rowsOf(
      await db.execute(sql`select j.status, j.stage, j.rows_done as "rowsDone", j.user_id as "userId", j.finished_at is not null as "finished",
        b.values_written as "written" from import_jobs j join import_batches b on b.id = j.batch_id where j.file_name = 'jobs.csv'`),
    );
    expect(row).toEqual({
      status: "done",
      stage: "finished",
      rowsDone: 120,
      userId: leadId,
      finished: true,
      written: 120,
    });
    // The upload is used up: confirming it again finds nothing.
    expect((await lead.post(action!, { action: "confirm" })).statusCode).toBe(404);
  });

  test("a failing file fails its job, naming the row and column, and writes nothing", async ({ db, signIn }) => {
    const lead = await signIn("lead@jobs.example");
    const count = async () =>
      rowsOf(
        await db.execute(
          sql`select (select count(*)::int from observations) as "values", (select count(*)::int from import_batches) as batches`,
        ),
      )[0];
    const before = await count();
    const { page, action } = await preview(lead, "bad.csv", tidyFile(40, { row: 7, value: "lots" }));
    expect(page.statusCode).toBe(400);
    expect(page.body).not.toContain("Confirm import");
    // Confirmed anyway (a forged or stale form): the job checks again and fails.
    const job = await confirmImport(lead, action!);
    expect(job.status).toBe("failed");
    expect(job.page.body).toContain("Not imported");
    expect(job.page.body).toMatch(
      /bad\.csv was not imported: 1 problem found, the first: row 7, column &quot;value&quot;: /,
    );
    expect(job.page.body).toContain("Nothing was written.");
    expect(job.page.body).toMatch(/<td class="govuk-table__cell">7<\/td><td class="govuk-table__cell">value<\/td>/);
    expect(job.page.body).not.toContain("was imported");
    expect(await count()).toEqual(before);
    const [row] = rowsOf(
      await db.execute(
        sql`select status, problems, batch_id as "batchId" from import_jobs where file_name = 'bad.csv'`,
      ),
    );
    expect(row).toMatchObject({ status: "failed", batchId: null, problems: [{ row: 7, column: "value" }] });
  });

  test("only the person who started a job, and administrators, see it; another partnership's is a 404", async ({
    db,
    signIn,
  }) => {
    const [row] = rowsOf(await db.execute(sql`select id from import_jobs where file_name = 'jobs.csv'`));
    const jobId = row!.id as string;
    const own = `/partnerships/${partnershipId}/data/import/jobs/${jobId}`;
    const lead = await signIn("lead@jobs.example");
    expect((await lead.get(own)).statusCode).toBe(200);
    const admin = await signIn("admin@jobs.example");
    expect((await admin.get(own)).statusCode).toBe(200);
    const editor = await signIn("editor@jobs.example");
    expect((await editor.get(own)).statusCode).toBe(404);
    expect((await editor.get(`${own}/status`)).statusCode).toBe(404);
    const other = await signIn("other@jobs.example");
    expect((await other.get(own)).statusCode).toBe(404);
    // Through the other partnership's own pages: not its job.
    expect((await other.get(`/partnerships/${otherId}/data/import/jobs/${jobId}`)).statusCode).toBe(404);
    expect((await other.get(`/partnerships/${otherId}/data/import/jobs/${jobId}/status`)).statusCode).toBe(404);
    expect((await lead.get(`/partnerships/${partnershipId}/data/import/jobs/not-a-job`)).statusCode).toBe(404);
    // The import page lists a person's own jobs only.
    const listed = (await lead.get(`/partnerships/${partnershipId}/data/import`)).body;
    expect(listed).toContain("Your recent imports");
    expect(listed).toMatch(new RegExp(`<a class="govuk-link" href="${own}">jobs.csv</a>[\\s\\S]*?Imported`));
    expect((await editor.get(`/partnerships/${partnershipId}/data/import`)).body).not.toContain("Your recent imports");
  });

  test("a job whose node stopped beating shows as stopped, with nothing written; a beating one as running", async ({
    db,
    signIn,
  }) => {
    const job = async (nodeId: string, beatSecondsAgo: number) => {
      const id = await insertJob(db, {
        partnershipId,
        userId: leadId,
        uploadRef: `ref-${nodeId}-${beatSecondsAgo}`,
        kind: "tidy",
        fileName: "big.csv",
        nodeId,
      });
      await db.execute(sql`update import_jobs set status = 'running', stage = 'writing', rows_done = 250, rows_total = 1000,
        heartbeat_at = now() - make_interval(secs => ${beatSecondsAgo}) where id = ${id}`);
      return `/partnerships/${partnershipId}/data/import/jobs/${id}`;
    };
    const lead = await signIn("lead@jobs.example");

    const beating = await lead.get(await job("another-node", 2));
    expect(beating.body).toContain('<span data-job-field="statusText">Running</span>');
    expect(beating.body).toContain("250 of 1,000");
    expect(beating.body).toContain('<span data-job-field="percentage">25</span>%');
    expect(beating.body).toContain("Refresh progress");
    expect(beating.body).toContain('data-over="false"');
    expect(beating.body).toMatch(/data-job-stage="writing">[\s\S]*?In progress/);
    expect(beating.body).toContain('aria-live="polite" data-job-announce>Writing the values: 20% done');

    const silentUrl = await job("another-node", 120);
    const silent = await lead.get(silentUrl);
    expect(silent.body).toContain("Stopped: nothing was written");
    expect(silent.body).toContain("nothing was written: an import is saved whole or not at all");
    expect(silent.body).not.toContain("Refresh progress");
    expect(silent.body).toMatch(/data-job-stage="writing">[\s\S]*?Stopped/);
    expect(JSON.parse((await lead.get(`${silentUrl}/status`)).body)).toMatchObject({ status: "stopped", over: true });

    // This node's own job that it does not run (it was running when this process started anew).
    const orphan = await lead.get(await job(NODE_ID, 0));
    expect(orphan.body).toContain("Stopped: nothing was written");
  });

  test("progress is written outside the import's transaction: seen from another connection while it is open", async ({
    database,
    db,
    signIn,
  }) => {
    // The embedded database is one session: no second connection can look while a transaction is open.
    if (database.kind === "pglite") return;
    const lead = await signIn("lead@jobs.example");
    const { action } = await preview(lead, "held.csv", tidyFile(400));
    let jobUrl = "";
    await db.transaction(async (tx) => {
      // Holds the import at its first write of values, after it said it was writing them.
      await tx.execute(sql`lock table observations in share mode`);
      const confirmed = await lead.post(action!, { action: "confirm" });
      expect(confirmed.statusCode).toBe(303);
      jobUrl = confirmed.headers.location as string;
      // Confirming again while it runs goes to the same job.
      expect((await lead.post(action!, { action: "confirm" })).headers.location).toBe(jobUrl);
      const id = jobUrl.split("/").at(-1)!;
      const deadline = Date.now() + 30_000;
      let row: Row | undefined;
      while (Date.now() < deadline) {
        [row] = rowsOf(
          await db.execute(
            sql`select status, stage, rows_done as "rowsDone", rows_total as "rowsTotal" from import_jobs where id = ${id}`,
          ),
        );
        if (row?.stage === "writing") {
          // Rows may be counted before the first blocked write (the writer looks up stored rows
          // first): the count settles where the lock holds it, short of the whole file.
          await new Promise((resolve) => setTimeout(resolve, 500));
          const [again] = rowsOf(
            await db.execute(
              sql`select status, stage, rows_done as "rowsDone", rows_total as "rowsTotal" from import_jobs where id = ${id}`,
            ),
          );
          if (again?.rowsDone === row.rowsDone) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(row).toMatchObject({ status: "running", stage: "writing", rowsTotal: 400 });
      expect(Number(row!.rowsDone)).toBeLessThan(400);
      // The import's own batch row is in its open transaction: not visible.
      const batches = rowsOf(await db.execute(sql`select id from import_batches where file_name = 'held.csv'`));
      expect(batches).toEqual([]);
      const page = await lead.get(jobUrl);
      expect(page.body).toContain(`${row!.rowsDone} of 400`);
      expect(page.body).toContain("Refresh progress");
    });
    const deadline = Date.now() + 30_000;
    let status = { over: false, status: "" };
    while (!status.over && Date.now() < deadline) {
      status = JSON.parse((await lead.get(`${jobUrl}/status`)).body);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status.status).toBe("done");
    expect((await lead.get(jobUrl)).body).toContain("held.csv was imported");
  });

  test("finished jobs, and jobs of a stopped node, are purged after the stated time", async ({ db }) => {
    const make = async (name: string, finishedDaysAgo: number | null, beatDaysAgo: number) => {
      const id = await insertJob(db, {
        partnershipId,
        userId: leadId,
        uploadRef: name,
        kind: "tidy",
        fileName: name,
        nodeId: "n",
      });
      await db.execute(sql`update import_jobs set heartbeat_at = now() - make_interval(days => ${beatDaysAgo}),
        finished_at = case when ${finishedDaysAgo}::int is null then null else now() - make_interval(days => ${finishedDaysAgo}::int) end,
        status = case when ${finishedDaysAgo}::int is null then 'running' else 'done' end where id = ${id}`);
    };
    await make("old-done.csv", 8, 8);
    await make("recent-done.csv", 6, 6);
    await make("old-stopped.csv", null, 8);
    await make("recent-stopped.csv", null, 1);
    expect(IMPORT_JOB_RETENTION_SECONDS).toBe(7 * 24 * 60 * 60);
    expect(await purgeJobs(db, IMPORT_JOB_RETENTION_SECONDS)).toBe(2);
    const left = rowsOf(
      await db.execute(
        sql`select file_name as "name" from import_jobs where file_name like '%-done.csv' or file_name like '%-stopped.csv' order by 1`,
      ),
    ).map((r) => r.name);
    expect(left).toEqual(["recent-done.csv", "recent-stopped.csv"]);
  });
});
