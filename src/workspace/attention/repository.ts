import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { partnershipRoles, users } from "../access/index.ts";

/** People invited but not yet signed up: everywhere (admins) or in the given partnerships (leads). */
export function pendingInvitations(db: Executor, filter: { all: boolean; partnershipIds: string[] }) {
  if (filter.all) {
    return db
      .select({ userId: users.id, name: users.name, email: users.email, partnershipId: partnershipRoles.partnershipId })
      .from(users)
      .leftJoin(partnershipRoles, eq(partnershipRoles.userId, users.id))
      .where(eq(users.status, "invited"))
      .orderBy(asc(users.name));
  }
  if (filter.partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: users.id, name: users.name, email: users.email, partnershipId: partnershipRoles.partnershipId })
    .from(users)
    .innerJoin(partnershipRoles, eq(partnershipRoles.userId, users.id))
    .where(and(eq(users.status, "invited"), inArray(partnershipRoles.partnershipId, filter.partnershipIds)))
    .orderBy(asc(users.name));
}
