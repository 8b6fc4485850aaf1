import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { Database } from "../../src/kernel/db/database.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { partnershipMembers } from "../../src/workspace/partnerships/index.ts";
import type { TestClient } from "./test-app.ts";

/** Adds organisations to a partnership's membership (the partnerships domain owns the UI). */
export async function addMembers(database: Database, partnershipId: string, organisationIds: string[]): Promise<void> {
  await database.db
    .insert(partnershipMembers)
    .values(organisationIds.map((organisationId) => ({ partnershipId, organisationId })));
}

export async function auditActions(database: Database, partnershipId: string): Promise<string[]> {
  const rows = await database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.partnershipId, partnershipId));
  return rows.map((row) => row.action);
}

/** The id at the end of a redirect like /partnerships/…/actions/<id>. */
export function idFromLocation(response: LightMyRequestResponse): string {
  const location = String(response.headers.location ?? "");
  const match = /\/([0-9a-f-]{36})(?:\?|$)/.exec(location);
  if (!match) throw new Error(`No id in redirect to "${location}" (status ${response.statusCode})`);
  return match[1]!;
}

/** Posts a multipart form (file upload, field "file") with the client's cookies and CSRF token. */
export function postFile(
  client: TestClient,
  url: string,
  file: { name: string; content: Buffer | string; type?: string },
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  return client.postMultipart(url, file, {}, options);
}
