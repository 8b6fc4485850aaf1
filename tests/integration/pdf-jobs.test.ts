/**
 * PDF printing as a job (lib/documents): the row, the reuse of a job for the same content, a job
 * whose node went silent printed again by another node, a failure in words, and the job page,
 * status and file for their reader only. The printer is a stub here (Chromium's own output is
 * checked by the reports, needs assessment and minutes tests).
 */
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { createPdfJobs, DOCUMENT_NODE_ID } from "../../src/lib/documents/index.ts";
import { documentJobs } from "../../src/lib/documents/tables.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";

const document = { title: "Annual report", metadata: { status: "Draft" as const }, sections: [] };
const stubPdf = Buffer.from("%PDF-1.7 stub");
let owner: { id: string };
let other: { id: string };
let ownerClient: TestClient;
let otherClient: TestClient;

test.beforeAll(async ({ fixtures, signIn }) => {
  const org = await fixtures.organisation("Council");
  owner = await fixtures.user("owner@example.org", org.id);
  other = await fixtures.user("other@example.org", org.id);
  ownerClient = await signIn("owner@example.org");
  otherClient = await signIn("other@example.org");
});

const rowOf = async (db: Parameters<typeof createPdfJobs>[0], id: string) =>
  (await db.select().from(documentJobs).where(eq(documentJobs.id, id)))[0]!;

test("a job is written, printed on this node and reused for the same reader and content", async ({ db }) => {
  let printed = 0;
  const jobs = createPdfJobs(db, {
    render: async () => {
      printed += 1;
      return stubPdf;
    },
  });
  const id = await jobs.start({ userId: owner.id, document, fileName: "annual-report-draft.pdf" });
  await jobs.settled();
  const row = await rowOf(db, id);
  expect(row).toMatchObject({ status: "done", nodeId: DOCUMENT_NODE_ID, title: "Annual report (draft)" });
  expect(row.pdf?.equals(stubPdf)).toBe(true);
  expect(await jobs.start({ userId: owner.id, document, fileName: "annual-report-draft.pdf" })).toBe(id);
  expect(await jobs.start({ userId: other.id, document, fileName: "annual-report-draft.pdf" })).not.toBe(id);
  await jobs.settled();
  expect(printed).toBe(2);
  // Over an hour old, it is not handed out again (it goes after a day, perhaps while being read).
  await db.update(documentJobs).set({ createdAt: sql`now() - interval '2 hours'` }).where(eq(documentJobs.id, id));
  expect(await jobs.start({ userId: owner.id, document, fileName: "annual-report-draft.pdf" })).not.toBe(id);
  await jobs.settled();
  expect(printed).toBe(3);
});

test("a job whose node went silent is printed by the next node that shows it; a live one is left alone", async ({
  db,
}) => {
  const jobs = createPdfJobs(db, { render: async () => stubPdf });
  const [silent, live] = await db
    .insert(documentJobs)
    .values(
      ["silent", "live"].map((key) => ({
        userId: owner.id,
        contentKey: key,
        fileName: `${key}.pdf`,
        title: key,
        document,
        nodeId: "a-stopped-node",
        status: "running" as const,
        heartbeatAt: key === "silent" ? sql`now() - interval '1 minute'` : sql`now()`,
      })),
    )
    .returning();
  jobs.resume(silent!.id);
  jobs.resume(live!.id);
  await jobs.settled();
  expect(await rowOf(db, silent!.id)).toMatchObject({ status: "done", nodeId: DOCUMENT_NODE_ID });
  expect(await rowOf(db, live!.id)).toMatchObject({ status: "running", nodeId: "a-stopped-node" });
});

test("a failed print is recorded in words, and the same request starts a new job", async ({ db }) => {
  const failing = createPdfJobs(db, {
    render: async () => {
      throw new Error("Target closed");
    },
    log: { error: () => {} },
  });
  const failed = await failing.start({ userId: owner.id, document, fileName: "failing.pdf" });
  await failing.settled();
  const row = await rowOf(db, failed);
  expect(row.status).toBe("failed");
  expect(row.errorMessage).toContain("download the Word version");
  expect(await failing.start({ userId: owner.id, document, fileName: "failing.pdf" })).not.toBe(failed);
  await failing.settled();
});

test("the job page, status and file are the reader's own", async ({ db, client }) => {
  const jobs = createPdfJobs(db, { render: async () => stubPdf });
  const id = await jobs.start({ userId: owner.id, document, fileName: "owned.pdf" });
  await jobs.settled();
  const page = await ownerClient.get(`/documents/pdf/${id}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("PDF of Annual report (draft)");
  expect(page.body).toContain(`href="/documents/pdf/${id}/download"`);
  const status = await ownerClient.get(`/documents/pdf/${id}/status`);
  expect(status.json()).toMatchObject({ status: "done", over: true });
  const file = await ownerClient.get(`/documents/pdf/${id}/download`);
  expect(file.headers["content-type"]).toBe("application/pdf");
  expect(file.headers["content-disposition"]).toContain("owned.pdf");
  expect(file.rawPayload.equals(stubPdf)).toBe(true);
  for (const reader of [otherClient, client()]) {
    for (const url of [`/documents/pdf/${id}`, `/documents/pdf/${id}/status`, `/documents/pdf/${id}/download`])
      expect((await reader.get(url)).statusCode).toBe(404);
  }
  expect((await ownerClient.get("/documents/pdf/not-a-job")).statusCode).toBe(404);

  const publicJob = await jobs.start({ userId: null, document, fileName: "published.pdf" });
  await jobs.settled();
  expect((await client().get(`/documents/pdf/${publicJob}/download`)).statusCode).toBe(200);
  expect((await otherClient.get(`/documents/pdf/${publicJob}`)).statusCode).toBe(200);
});

test("a job not yet printed offers a refresh; a failed one says why", async ({ db }) => {
  const [waiting, failed] = await db
    .insert(documentJobs)
    .values([
      { userId: owner.id, contentKey: "w", fileName: "w.pdf", title: "Waiting", document, nodeId: "elsewhere" },
      {
        userId: owner.id,
        contentKey: "f",
        fileName: "f.pdf",
        title: "Failed",
        document,
        nodeId: "elsewhere",
        status: "failed" as const,
        errorMessage: "The PDF could not be made.",
      },
    ])
    .returning();
  const page = await ownerClient.get(`/documents/pdf/${waiting!.id}`);
  expect(page.body).toContain("Making a PDF of Waiting");
  expect(page.body).toContain("Refresh progress");
  expect(page.body).not.toContain("Download the PDF");
  expect((await ownerClient.get(`/documents/pdf/${waiting!.id}/download`)).statusCode).toBe(404);
  const failedPage = await ownerClient.get(`/documents/pdf/${failed!.id}`);
  expect(failedPage.body).toContain("The PDF was not made");
  expect(failedPage.body).toContain("The PDF could not be made.");
});
