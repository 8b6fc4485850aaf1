import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import * as repo from "./repository.ts";
import type { OfferForm } from "./schemas.ts";

async function checkedProviders(tx: Executor, groupId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = await repo.memberIdsOfGroup(tx, groupId, unique);
  if (known.length !== unique.length) {
    throw AppError.validation([
      { field: "providerIds", message: "Select providers from the group's member bodies: one is no longer a member" },
    ]);
  }
  return known;
}

/** Creates an offer (offerId null) or changes one, with its providers, in one transaction. */
export async function saveOffer(db: Db, audit: AuditContext, groupId: string, offerId: string | null, form: OfferForm) {
  return db.transaction(async (tx) => {
    const providers = await checkedProviders(tx, groupId, form.providerIds);
    const { providerIds: _ignored, ...values } = form;
    const before = offerId ? await repo.findOffer(tx, groupId, offerId) : undefined;
    if (offerId && !before) throw AppError.notFound();
    const row = before
      ? await repo.updateOffer(tx, groupId, before.id, values)
      : await repo.insertOffer(tx, { groupId, ...values });
    await repo.replaceProviders(tx, row.id, providers);
    await recordAudit(tx, audit, {
      action: before ? "support-offer.update" : "support-offer.create",
      entityType: "support_offer",
      entityId: row.id,
      before: before ?? null,
      after: { ...row, providerIds: providers },
    });
    return row;
  });
}

export async function removeOffer(db: Db, audit: AuditContext, groupId: string, offerId: string) {
  await db.transaction(async (tx) => {
    const before = await repo.findOffer(tx, groupId, offerId);
    if (!before) throw AppError.notFound();
    await repo.deleteOffer(tx, groupId, offerId);
    await recordAudit(tx, audit, {
      action: "support-offer.delete",
      entityType: "support_offer",
      entityId: offerId,
      before,
    });
  });
}
