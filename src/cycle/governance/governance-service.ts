import type { Nation } from "../../kernel/auth/policy.ts";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import {
  type AuthorityType,
  authorityTypes,
  authorityTypesFor,
  type CoverageResult,
  checkCoverage,
} from "./coverage.ts";
import { findGovernance, listGovernance, listMemberOrganisations, upsertGovernance } from "./repository.ts";
import type { GovernanceForm } from "./schemas.ts";

/** Saves the partnership record; an authority type of another nation is a field error, nothing saved. */
export async function saveGovernance(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; nation: Nation },
  form: GovernanceForm,
) {
  if (!(authorityTypesFor(partnership.nation) as string[]).includes(form.authorityType)) {
    throw AppError.validation([
      { field: "authorityType", message: "Select a type of responsible authority for this nation" },
    ]);
  }
  const partnershipId = partnership.id;
  return db.transaction(async (tx) => {
    const before = await findGovernance(tx, partnershipId);
    const after = await upsertGovernance(tx, partnershipId, {
      authorityType: form.authorityType,
      healthBoardsExpected: form.healthBoardsExpected,
      reportsTo: form.reportsTo,
      chairName: form.chairName,
      chairIsElectedMember: form.chairIsElectedMember === "yes",
      termsOfReference: sanitizeRichText(form.termsOfReference, "page"),
    });
    await recordAudit(tx, audit, {
      action: "governance.update",
      entityType: "partnership_governance",
      entityId: partnershipId,
      partnershipId,
      before: before ?? null,
      after,
    });
    return after;
  });
}

function knownAuthorityType(value: string | null | undefined, nation: Nation): AuthorityType | null {
  if (!value || !(value in authorityTypes)) return null;
  const type = value as AuthorityType;
  return authorityTypes[type].nation === nation ? type : null;
}

/** The coverage check for one partnership, from its member organisations and governance record. */
export async function coverageFor(db: Executor, partnership: { id: string; nation: string }): Promise<CoverageResult> {
  const map = await coverageForPartnerships(db, [partnership]);
  return map.get(partnership.id)!;
}

/** Coverage for many partnerships at once (the national view). */
export async function coverageForPartnerships(
  db: Executor,
  partnerships: { id: string; nation: string }[],
): Promise<Map<string, CoverageResult>> {
  const ids = partnerships.map((partnership) => partnership.id);
  const [governance, members] = await Promise.all([listGovernance(db, ids), listMemberOrganisations(db, ids)]);
  const result = new Map<string, CoverageResult>();
  for (const partnership of partnerships) {
    const record = governance.find((row) => row.partnershipId === partnership.id);
    const nation = partnership.nation as Nation;
    result.set(
      partnership.id,
      checkCoverage({
        nation,
        authorityType: knownAuthorityType(record?.authorityType, nation),
        healthBoardsExpected: record?.healthBoardsExpected ?? 1,
        members: members
          .filter((member) => member.partnershipId === partnership.id)
          .map((member) => ({ name: member.name, type: member.type, role: member.role })),
      }),
    );
  }
  return result;
}
