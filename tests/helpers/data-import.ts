import type { LightMyRequestResponse } from "fastify";
import type { TestClient } from "./test-app.ts";

/** Posts the partnership's data import form (a kind and other fields, and a CSV file if given). */
export function uploadForImport(
  client: TestClient,
  partnershipId: string,
  fields: Record<string, string>,
  file?: { name: string; content: string | Buffer },
): Promise<LightMyRequestResponse> {
  return client.postMultipart(
    `/partnerships/${partnershipId}/data/import`,
    file && { ...file, type: "text/csv" },
    fields,
  );
}

export interface ConfirmedImport {
  /** The answer to "Confirm import": a 303 to the job's page. */
  confirmed: LightMyRequestResponse;
  /** The job's page once the job is over (its result banner, or its problems). */
  page: LightMyRequestResponse;
  status: string;
}

/**
 * Confirms a previewed upload (`action` is the preview form's address) and waits for its import
 * job to end, asking the job's status address as the page's script does.
 */
export async function confirmImport(
  client: TestClient,
  action: string,
  fields: Record<string, string | string[]> = {},
): Promise<ConfirmedImport> {
  const confirmed = await client.post(action, { ...fields, action: "confirm" });
  const location = confirmed.headers.location;
  if (
    confirmed.statusCode !== 303 ||
    typeof location !== "string" ||
    !/\/data\/import\/jobs\/[0-9a-f-]{36}$/.test(location)
  )
    throw new Error(`Confirm import answered ${confirmed.statusCode} ${String(location ?? "")}, not a job's page`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await client.get(`${location}/status`);
    const job = JSON.parse(status.body) as { over: boolean; status: string };
    if (job.over) return { confirmed, page: await client.get(location), status: job.status };
    if (Date.now() > deadline) throw new Error(`The import job at ${location} did not end within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
