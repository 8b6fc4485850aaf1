import { and, type Column, eq, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Actor, Nation, PartnershipRole } from "../../kernel/auth/policy.ts";
import { liveSession } from "../../kernel/auth/sessions.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { perExecutor } from "../../kernel/db/prepared.ts";
import type { SessionActor } from "../../kernel/domains/kernel-points.ts";
import { coordinatorNations, nationalPartners, partnershipRoles, users } from "./tables.ts";

/**
 * A person and every grant, as columns of one row: each signed-in request reads them, and on the
 * embedded database a statement's fixed cost (protocol, parse, plan) outweighs these reads, so
 * the person, their three kinds of grant and (for a session) the session are one statement.
 */
// Qualified by hand: drizzle leaves a one-table query's columns unqualified, and inside these
// subqueries an unqualified "organisation_id" would be the grant's own column, not the person's.
const ref = (table: PgTable, column: Column) =>
  sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`;
const userId = ref(users, users.id);

const actorColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  organisationId: users.organisationId,
  isPlatformAdmin: users.isPlatformAdmin,
  coordinatorNations: sql<
    string[]
  >`array(select ${ref(coordinatorNations, coordinatorNations.nation)} from ${coordinatorNations} where ${ref(coordinatorNations, coordinatorNations.userId)} = ${userId})`,
  partnershipRoles: sql<
    [string, string][]
  >`coalesce((select json_agg(json_build_array(${ref(partnershipRoles, partnershipRoles.partnershipId)}, ${ref(partnershipRoles, partnershipRoles.role)})) from ${partnershipRoles} where ${ref(partnershipRoles, partnershipRoles.userId)} = ${userId}), '[]'::json)`,
  // Only grants for the body the person belongs to now count.
  nationalPartnerNations: sql<
    string[]
  >`array(select ${ref(nationalPartners, nationalPartners.nation)} from ${nationalPartners} where ${ref(nationalPartners, nationalPartners.userId)} = ${userId} and ${ref(nationalPartners, nationalPartners.organisationId)} = ${ref(users, users.organisationId)})`,
};

interface ActorRow {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  isPlatformAdmin: boolean;
  coordinatorNations: string[];
  partnershipRoles: [string, string][];
  nationalPartnerNations: string[];
}

function actorFrom({ coordinatorNations, partnershipRoles, nationalPartnerNations, ...person }: ActorRow): Actor {
  return {
    ...person,
    coordinatorNations: coordinatorNations as Nation[],
    partnershipRoles: new Map(partnershipRoles.map(([id, role]) => [id, role as PartnershipRole])),
    nationalPartnerNations: nationalPartnerNations as Nation[],
  };
}

// Prepared once per connection (named): no planning on each request.
const actorStatement = perExecutor((db) =>
  db
    .select(actorColumns)
    .from(users)
    .where(and(eq(users.id, sql.placeholder("userId")), eq(users.status, "active")))
    .prepare("actor_by_user"),
);

const sessionActorStatement = perExecutor((db) => {
  const session = liveSession(db, sql.placeholder("idHash"));
  return db
    .select({ ...actorColumns, lastSeenAt: session.lastSeenAt })
    .from(session)
    .innerJoin(users, eq(users.id, session.userId))
    .where(eq(users.status, "active"))
    .prepare("actor_by_session");
});

/** The person with every grant, or null unless they are active. */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [row] = await actorStatement(db).execute({ userId });
  return row ? actorFrom(row) : null;
}

/** The active person holding the live session with this token hash, and when it was last seen. */
export async function loadSessionActor(db: Executor, idHash: string): Promise<SessionActor | null> {
  const [row] = await sessionActorStatement(db).execute({ idHash });
  if (!row) return null;
  const { lastSeenAt, ...person } = row;
  return { actor: actorFrom(person), lastSeenAt };
}
