import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { listMembers } from "../partners-group/index.ts";
import type { OfferQuery } from "./schemas.ts";
import { supportOfferProviders, supportOffers } from "./tables.ts";

export type OfferRow = typeof supportOffers.$inferSelect;
export interface OfferWithProviders extends OfferRow {
  providerIds: string[];
}

/** A group's offers with their providers, filtered; two queries whatever the number of offers. */
export async function listOffers(db: Executor, groupId: string, query: OfferQuery = {}): Promise<OfferWithProviders[]> {
  const conditions: SQL[] = [eq(supportOffers.groupId, groupId)];
  if (query.type) conditions.push(eq(supportOffers.supportType, query.type));
  if (query.format) conditions.push(eq(supportOffers.format, query.format));
  if (query.status) conditions.push(eq(supportOffers.status, query.status));
  if (query.provider) {
    conditions.push(
      inArray(
        supportOffers.id,
        db
          .select({ id: supportOfferProviders.offerId })
          .from(supportOfferProviders)
          .where(eq(supportOfferProviders.memberId, query.provider)),
      ),
    );
  }
  const offers = await db
    .select()
    .from(supportOffers)
    .where(and(...conditions))
    .orderBy(asc(supportOffers.title));
  const providers = await providersOf(
    db,
    offers.map((offer) => offer.id),
  );
  return offers.map((offer) => ({ ...offer, providerIds: providers.get(offer.id) ?? [] }));
}

async function providersOf(db: Executor, offerIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (offerIds.length === 0) return result;
  const rows = await db
    .select({ offerId: supportOfferProviders.offerId, memberId: supportOfferProviders.memberId })
    .from(supportOfferProviders)
    .where(inArray(supportOfferProviders.offerId, offerIds));
  for (const row of rows) result.set(row.offerId, [...(result.get(row.offerId) ?? []), row.memberId]);
  return result;
}

export async function findOffer(
  db: Executor,
  groupId: string,
  offerId: string,
): Promise<OfferWithProviders | undefined> {
  const [row] = await db
    .select()
    .from(supportOffers)
    .where(and(eq(supportOffers.groupId, groupId), eq(supportOffers.id, offerId)))
    .limit(1);
  if (!row) return undefined;
  return { ...row, providerIds: (await providersOf(db, [row.id])).get(row.id) ?? [] };
}

export async function insertOffer(db: Executor, values: typeof supportOffers.$inferInsert): Promise<OfferRow> {
  const [row] = await db.insert(supportOffers).values(values).returning();
  return row!;
}

export async function updateOffer(
  db: Executor,
  groupId: string,
  offerId: string,
  values: Partial<typeof supportOffers.$inferInsert>,
): Promise<OfferRow> {
  const [row] = await db
    .update(supportOffers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(supportOffers.groupId, groupId), eq(supportOffers.id, offerId)))
    .returning();
  return row!;
}

export async function replaceProviders(db: Executor, offerId: string, memberIds: string[]): Promise<void> {
  await db.delete(supportOfferProviders).where(eq(supportOfferProviders.offerId, offerId));
  if (memberIds.length > 0)
    await db.insert(supportOfferProviders).values(memberIds.map((memberId) => ({ offerId, memberId })));
}

export async function deleteOffer(db: Executor, groupId: string, offerId: string) {
  const [row] = await db
    .delete(supportOffers)
    .where(and(eq(supportOffers.groupId, groupId), eq(supportOffers.id, offerId)))
    .returning();
  return row;
}

/** The given ids that are members of the group (a forged id from another group is dropped). */
export async function memberIdsOfGroup(db: Executor, groupId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const members = new Set((await listMembers(db, groupId)).map((member) => member.id));
  return ids.filter((id) => members.has(id));
}
