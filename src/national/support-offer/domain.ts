import type { Domain } from "../../kernel/domains/descriptor.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type MemberOffer, memberOffers } from "../partners-group/index.ts";
import { registerOfferRoutes } from "./offer-routes.ts";
import { listOffers } from "./repository.ts";
import { supportTypeLabel } from "./vocabulary.ts";

/** Each member body's offers, for the group's profile pages. */
async function offersByMember(db: Executor, groupId: string): Promise<Map<string, MemberOffer[]>> {
  const result = new Map<string, MemberOffer[]>();
  for (const offer of await listOffers(db, groupId)) {
    for (const memberId of offer.providerIds) {
      const list = result.get(memberId) ?? [];
      list.push({ id: offer.id, title: offer.title, typeLabel: supportTypeLabel(offer.supportType) });
      result.set(memberId, list);
    }
  }
  return result;
}

/** The support offer catalogue and the Core Offer matrix of each nation's hub. */
export const supportOfferDomain: Domain = {
  name: "national/support-offer",
  routes: registerOfferRoutes,
  provides: [memberOffers.provide(offersByMember)],
};
