import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import { preparedSql } from "../db/prepared.ts";
import { auditLog } from "./tables.ts";

/** Who did something, and from where; carried from the request into services. */
export interface AuditContext {
  actorUserId: string | null;
  actorLabel: string;
  requestId?: string | undefined;
  ip?: string | undefined;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  partnershipId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|token|secret|hash/i;

// Audit rows are readable by admins: never let a credential into them.
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        SECRET_KEYS.test(key) ? "[redacted]" : redact(inner),
      ]),
    );
  }
  return value;
}

/** Write inside the same transaction as the change it records. */
export async function recordAudit(executor: Executor, context: AuditContext, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorUserId: context.actorUserId,
    actorLabel: context.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    partnershipId: entry.partnershipId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: context.requestId ?? null,
    ip: context.ip ?? null,
  });
}

/** A read of restricted data to audit: who read it is the context's. */
export type ReadEntry = Pick<AuditEntry, "action" | "entityType" | "entityId" | "partnershipId">;

/**
 * Reads of restricted data, a row each, in one prepared statement (named by its fixed text,
 * planned once per connection): a caller with an API token is audited on every request it reads
 * such data, and on the embedded database a drizzle insert's planning cost more than the write.
 */
export async function recordReads(executor: Executor, context: AuditContext, entries: readonly ReadEntry[]) {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    partnership_id: entry.partnershipId ?? null,
  }));
  await insertReads(executor, {
    actorUserId: context.actorUserId,
    actorLabel: context.actorLabel,
    requestId: context.requestId ?? null,
    ip: context.ip ?? null,
    rows: JSON.stringify(rows),
  });
}

const insertReads = preparedSql(
  sql`insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, partnership_id, request_id, ip)
    select ${sql.placeholder("actorUserId")}::uuid, ${sql.placeholder("actorLabel")}::text, x.action, x.entity_type,
      x.entity_id, x.partnership_id, ${sql.placeholder("requestId")}::text, ${sql.placeholder("ip")}::text
    from json_to_recordset(${sql.placeholder("rows")}::json) as x(action text, entity_type text, entity_id text, partnership_id uuid)`,
);
