import type { Executor } from "../../kernel/db/database.ts";
import { findPartnership, type PartnershipRow } from "./repository.ts";

// The request pipeline's partnership is this domain's whole row: handlers read every column
// from `request.partnership` (the kernel declares only what the policy needs).
declare module "../../kernel/http/pipeline.ts" {
  interface LoadedPartnership extends PartnershipRow {}
}

/** Fills the kernel's `partnershipLoader` extension point. */
export function loadPartnership(db: Executor, id: string): Promise<PartnershipRow | undefined> {
  return findPartnership(db, id);
}
