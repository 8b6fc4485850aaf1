import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { auditLog } from "../../kernel/audit/tables.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { TIME_ZONE } from "../../kernel/time.ts";
import { partnerships } from "../partnerships/index.ts";
import { PAGE_SIZE, type AuditQuery } from "./schemas.ts";

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

function conditions(filter: AuditQuery & { scopePartnershipId?: string }): SQL[] {
  const where: SQL[] = [];
  const partnershipId = filter.scopePartnershipId ?? filter.partnershipId;
  if (partnershipId) where.push(eq(auditLog.partnershipId, partnershipId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.actor) where.push(sql`${auditLog.actorLabel} ilike ${likePattern(filter.actor)}`);
  // Days are London days, as people read them on the page.
  if (filter.from) where.push(sql`${auditLog.at} >= (${filter.from}::date::timestamp at time zone ${TIME_ZONE})`);
  if (filter.to) where.push(sql`${auditLog.at} < ((${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`);
  return where;
}

export async function searchAudit(db: Executor, filter: AuditQuery & { scopePartnershipId?: string }) {
  const where = and(...conditions(filter));
  const page = filter.page ?? 1;
  const [countRow] = await db.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      partnershipId: auditLog.partnershipId,
      partnershipName: partnerships.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(partnerships, eq(partnerships.id, auditLog.partnershipId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { total: Number(countRow?.count ?? 0), rows };
}

export async function distinctActions(db: Executor, scopePartnershipId?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(scopePartnershipId ? eq(auditLog.partnershipId, scopePartnershipId) : undefined)
    .orderBy(asc(auditLog.action));
  return rows.map((row) => row.action);
}
