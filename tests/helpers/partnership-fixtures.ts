import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { partnershipMembers } from "../../src/workspace/partnerships/index.ts";
import { fixtures, type TestClient } from "./test-app.ts";

/** Adds an organisation of `type` to a partnership (the members page belongs to another domain). */
export async function addMember(database: Database, partnershipId: string, name: string, type: string, role = "") {
  const organisation = await fixtures.organisation(database, name, type);
  await database.db.insert(partnershipMembers).values({ partnershipId, organisationId: organisation.id, role });
  return organisation;
}

export async function auditCount(database: Database, action: string, partnershipId?: string): Promise<number> {
  const where = partnershipId
    ? and(eq(auditLog.action, action), eq(auditLog.partnershipId, partnershipId))
    : eq(auditLog.action, action);
  const rows = await database.db.select({ id: auditLog.id }).from(auditLog).where(where);
  return rows.length;
}

/** Posts multipart/form-data (fields first, then one file) through the app with the client's cookies. */
export function postMultipart(
  client: TestClient,
  url: string,
  file: { field: string; name: string; content: Buffer; type?: string },
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return client.postMultipart(url, file, fields);
}
