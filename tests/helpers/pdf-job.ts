import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

interface Getter {
  get(url: string): Promise<LightMyRequestResponse>;
}

/**
 * A PDF download as a person sees it: the export answers 303 to the PDF job's page, whose status
 * is asked until the job is over, then the file is fetched from the page's download link.
 */
export async function downloadPdf(
  client: Getter,
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<{ jobUrl: string; page: LightMyRequestResponse; file: LightMyRequestResponse }> {
  const asked = await client.get(url);
  expect(asked.statusCode).toBe(303);
  const jobUrl = String(asked.headers.location);
  expect(jobUrl).toMatch(/^\/documents\/pdf\/[0-9a-f-]{36}$/);
  const until = Date.now() + (options.timeoutMs ?? 50_000);
  for (;;) {
    const status = await client.get(`${jobUrl}/status`);
    expect(status.statusCode).toBe(200);
    if ((status.json() as { over: boolean }).over || Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const page = await client.get(jobUrl);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("Download the PDF");
  const file = await client.get(`${jobUrl}/download`);
  return { jobUrl, page, file };
}
