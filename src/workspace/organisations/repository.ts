import { asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { organisations } from "./tables.ts";

export type OrganisationRow = typeof organisations.$inferSelect;

export async function listOrganisations(db: Executor): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

export async function findOrganisationByName(
  db: Executor,
  name: string,
  exceptId?: string,
): Promise<OrganisationRow | undefined> {
  const sameName = sql`lower(${organisations.name}) = ${name.trim().toLowerCase()}`;
  const [row] = await db
    .select()
    .from(organisations)
    .where(exceptId ? sql`${sameName} and ${ne(organisations.id, exceptId)}` : sameName)
    .limit(1);
  return row;
}

export async function insertOrganisation(
  db: Executor,
  values: typeof organisations.$inferInsert,
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisation(
  db: Executor,
  id: string,
  values: Partial<typeof organisations.$inferInsert>,
): Promise<OrganisationRow> {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return row!;
}
