import type { Executor } from "../db/database.ts";
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
