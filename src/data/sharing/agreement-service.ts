import { randomUUID } from "node:crypto";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import type { AgreementInput } from "./agreement-schema.ts";
import { currentPrinciples } from "./principles-service.ts";
import { findAgreement, insertAgreement, type SharingAgreementRow, updateAgreement } from "./repository.ts";
import { assessRisk } from "./risk.ts";
import type { AgreementDocument, Signatory } from "./tables.ts";

interface PartnershipRef {
  id: string;
  nation: Nation;
}

/** The audit action of a change: agreeing and ending an agreement are recorded as such. */
function auditAction(before: SharingAgreementRow | undefined, status: string): string {
  if (!before) return "sharing.agreement.create";
  if (before.status !== status && (status === "agreed" || status === "ended")) return `sharing.agreement.${status}`;
  return "sharing.agreement.update";
}

async function riskUnderCurrentPrinciples(db: Executor, nation: Nation, facts: Parameters<typeof assessRisk>[0]) {
  const principles = await currentPrinciples(db, nation);
  const risk = assessRisk(facts, principles.criteria);
  return {
    riskLevel: risk.level,
    riskTotal: risk.total,
    riskReasons: risk.reasons,
    riskRule: risk.rule,
    principlesVersion: principles.version,
  };
}

/**
 * Creates or changes an agreement: its parties must be members of the partnership, an agreed
 * agreement needs its signatories, and its risk is assessed under the nation's current principles.
 */
export async function saveAgreement(
  db: Executor,
  audit: AuditContext,
  partnership: PartnershipRef,
  id: string | null,
  input: AgreementInput,
  templateId: string | null = null,
): Promise<SharingAgreementRow> {
  return db.transaction(async (tx) => {
    const before = id ? await findAgreement(tx, partnership.id, id) : undefined;
    if (id && !before) throw AppError.notFound();
    const members = new Set((await listMembers(tx, partnership.id)).map((member) => member.organisationId));
    if (input.parties.some((party) => !members.has(party))) {
      throw AppError.validation([{ field: "parties", message: "Select parties from the partnership's organisations" }]);
    }
    if (input.status === "agreed" && before?.status !== "agreed" && (before?.signatories.length ?? 0) === 0) {
      throw AppError.validation([
        { field: "status", message: "Add the signatories before recording the agreement as agreed" },
      ]);
    }
    const { parties, ...terms } = input;
    const values = {
      ...terms,
      partyOrganisationIds: parties,
      ...(await riskUnderCurrentPrinciples(tx, partnership.nation, input)),
    };
    const after = before
      ? await updateAgreement(tx, partnership.id, before.id, values)
      : await insertAgreement(tx, { ...values, partnershipId: partnership.id, templateId });
    await recordAudit(tx, audit, {
      action: auditAction(before, input.status),
      entityType: "sharing_agreement",
      entityId: after.id,
      partnershipId: partnership.id,
      before,
      after,
    });
    return after;
  });
}

/** Assesses the agreement again under the nation's newest principles. */
export async function reassessAgreement(db: Executor, audit: AuditContext, partnership: PartnershipRef, id: string) {
  return db.transaction(async (tx) => {
    const before = await findAgreement(tx, partnership.id, id);
    if (!before) throw AppError.notFound();
    const after = await updateAgreement(
      tx,
      partnership.id,
      id,
      await riskUnderCurrentPrinciples(tx, partnership.nation, before),
    );
    await recordAudit(tx, audit, {
      action: "sharing.agreement.reassess",
      entityType: "sharing_agreement",
      entityId: id,
      partnershipId: partnership.id,
      before: { riskLevel: before.riskLevel, principlesVersion: before.principlesVersion },
      after: { riskLevel: after.riskLevel, principlesVersion: after.principlesVersion },
    });
    return after;
  });
}

type ListName = "signatories" | "documents";
type ListItem<L extends ListName> = L extends "signatories" ? Signatory : AgreementDocument;

/** Adds a signatory or a document to an agreement (kept in order, each with an id of its own). */
export async function addToAgreement<L extends ListName>(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  id: string,
  list: L,
  item: Omit<ListItem<L>, "id">,
) {
  return db.transaction(async (tx) => {
    const before = await findAgreement(tx, partnershipId, id);
    if (!before) throw AppError.notFound();
    const added = { ...item, id: randomUUID() };
    await updateAgreement(tx, partnershipId, id, { [list]: [...before[list], added] });
    await recordAudit(tx, audit, {
      action: `sharing.agreement.add-${list === "signatories" ? "signatory" : "document"}`,
      entityType: "sharing_agreement",
      entityId: id,
      partnershipId,
      after: added,
    });
  });
}

export async function removeFromAgreement(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  id: string,
  list: ListName,
  itemId: string,
) {
  return db.transaction(async (tx) => {
    const before = await findAgreement(tx, partnershipId, id);
    const removed = before?.[list].find((item) => item.id === itemId);
    if (!before || !removed) throw AppError.notFound();
    await updateAgreement(tx, partnershipId, id, { [list]: before[list].filter((item) => item.id !== itemId) });
    await recordAudit(tx, audit, {
      action: `sharing.agreement.remove-${list === "signatories" ? "signatory" : "document"}`,
      entityType: "sharing_agreement",
      entityId: id,
      partnershipId,
      before: removed,
    });
  });
}
