import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";
import type { PartnershipPerson } from "./partnership-routes.ts";

/** The people with a role in a partnership, listed on its overview (filled by access). */
export const partnershipPeople =
  extensionPoint<(db: Executor, partnershipId: string) => Promise<PartnershipPerson[]>>("partnership people");
