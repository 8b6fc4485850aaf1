import { and, asc, eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findUserById } from "./repository.ts";
import { coordinatorNations, nationalPartners, users } from "./tables.ts";

export interface NationalPartnerPerson {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  status: string;
}

/** The people holding the national partner role for a body in a nation (their grant's body is their own). */
export function listNationalPartners(db: Executor, nation: Nation, organisationId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisationId: nationalPartners.organisationId,
      status: users.status,
    })
    .from(nationalPartners)
    .innerJoin(users, eq(users.id, nationalPartners.userId))
    .where(
      and(
        eq(nationalPartners.nation, nation),
        eq(nationalPartners.organisationId, organisationId),
        eq(users.organisationId, organisationId),
      ),
    )
    .orderBy(asc(users.name)) as Promise<NationalPartnerPerson[]>;
}

/**
 * Grants or removes the national partner role. The caller (the hub) checks that the body is a
 * member of the nation's group; here the person must belong to that body. Runs in the caller's
 * transaction so the membership check and the grant are one change.
 */
export async function setNationalPartner(
  tx: Executor,
  context: AuditContext,
  change: { userId: string; nation: Nation; organisationId: string; partner: boolean },
): Promise<{ changed: boolean }> {
  const user = await findUserById(tx, change.userId);
  if (!user) throw AppError.notFound();
  if (change.partner && user.organisationId !== change.organisationId) {
    throw AppError.validation([
      { field: "email", message: `${user.email} does not belong to this organisation, so cannot act for it` },
    ]);
  }
  const where = and(eq(nationalPartners.userId, user.id), eq(nationalPartners.nation, change.nation));
  const [existing] = await tx.select().from(nationalPartners).where(where);
  const has = existing?.organisationId === change.organisationId;
  if (has === change.partner) return { changed: false };
  if (change.partner) {
    await tx
      .insert(nationalPartners)
      .values({ userId: user.id, nation: change.nation, organisationId: change.organisationId })
      .onConflictDoUpdate({
        target: [nationalPartners.userId, nationalPartners.nation],
        set: { organisationId: change.organisationId, grantedAt: new Date() },
      });
  } else {
    await tx.delete(nationalPartners).where(where);
  }
  await recordAudit(tx, context, {
    action: change.partner ? "national-partner.added" : "national-partner.removed",
    entityType: "user",
    entityId: user.id,
    after: { person: user.email, nation: nationLabels[change.nation], organisationId: change.organisationId },
  });
  return { changed: true };
}

/** Removes every grant for a body in a nation (the body has left the group); returns how many. */
export async function removeNationalPartnersOfBody(
  tx: Executor,
  context: AuditContext,
  nation: Nation,
  organisationId: string,
): Promise<number> {
  const removed = await tx
    .delete(nationalPartners)
    .where(and(eq(nationalPartners.nation, nation), eq(nationalPartners.organisationId, organisationId)))
    .returning({ userId: nationalPartners.userId });
  for (const row of removed) {
    await recordAudit(tx, context, {
      action: "national-partner.removed",
      entityType: "user",
      entityId: row.userId,
      after: { nation: nationLabels[nation], organisationId, reason: "the body left the group" },
    });
  }
  return removed.length;
}

/** Active coordinators of a nation (for notifications). */
export function listCoordinators(
  db: Executor,
  nation: Nation,
): Promise<{ userId: string; name: string; email: string }[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(coordinatorNations)
    .innerJoin(users, eq(users.id, coordinatorNations.userId))
    .where(and(eq(coordinatorNations.nation, nation), eq(users.status, "active")))
    .orderBy(asc(users.name));
}
