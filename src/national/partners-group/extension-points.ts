import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";
import type { MemberRemovalGuard } from "./group-service.ts";

/**
 * Work a member body still holds elsewhere in the hub (open requests, activities it leads),
 * which must move before it leaves the group: filled by the hub domains above this one.
 */
export const memberRemovalGuards = extensionPoint<MemberRemovalGuard>("national group member removal guards");

export interface MemberOffer {
  id: string;
  title: string;
  typeLabel: string;
}

/** Each member body's offers in the catalogue, by member id (filled by the support offer). */
export const memberOffers =
  extensionPoint<(db: Executor, groupId: string) => Promise<Map<string, MemberOffer[]>>>(
    "national group member offers",
  );
