import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { isUniqueViolation } from "../../kernel/db/errors.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findOrganisation } from "../organisations/index.ts";
import {
  deleteMember,
  findMember,
  findPartnershipByName,
  insertMember,
  insertPartnership,
  type PartnershipRow,
} from "./repository.ts";
import type { MemberInput, PartnershipInput } from "./schemas.ts";

export async function createPartnership(
  db: Db,
  context: AuditContext,
  input: PartnershipInput,
  options: { isFictional?: boolean } = {},
): Promise<PartnershipRow> {
  return db
    .transaction(async (tx) => {
      if (await findPartnershipByName(tx, input.name)) {
        throw AppError.validation([{ field: "name", message: "A partnership with this name already exists" }]);
      }
      const row = await insertPartnership(tx, { ...input, isFictional: options.isFictional ?? false });
      await recordAudit(tx, context, {
        action: "partnership.created",
        entityType: "partnership",
        entityId: row.id,
        partnershipId: row.id,
        after: {
          name: row.name,
          nation: row.nation,
          areaCode: row.areaCode,
          areaName: row.areaName,
          isFictional: row.isFictional,
        },
      });
      return row;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw AppError.validation([{ field: "name", message: "A partnership with this name already exists" }]);
      throw error;
    });
}

export async function addMemberOrganisation(
  db: Db,
  context: AuditContext,
  partnershipId: string,
  input: MemberInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const organisation = await findOrganisation(tx, input.organisationId);
    if (!organisation) throw AppError.validation([{ field: "organisationId", message: "Select an organisation" }]);
    if (await findMember(tx, partnershipId, organisation.id)) {
      throw AppError.validation([
        { field: "organisationId", message: `${organisation.name} is already a member of this partnership` },
      ]);
    }
    await insertMember(tx, { partnershipId, organisationId: organisation.id, role: input.role });
    await recordAudit(tx, context, {
      action: "partnership_member.added",
      entityType: "partnership_member",
      entityId: organisation.id,
      partnershipId,
      after: { organisation: organisation.name, role: input.role },
    });
  });
}

/** Removing an organisation that is not a member is a 404, as for any unknown record. */
export async function removeMemberOrganisation(
  db: Db,
  context: AuditContext,
  partnershipId: string,
  organisationId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await findMember(tx, partnershipId, organisationId);
    if (!member) throw AppError.notFound();
    const organisation = await findOrganisation(tx, organisationId);
    await deleteMember(tx, partnershipId, organisationId);
    await recordAudit(tx, context, {
      action: "partnership_member.removed",
      entityType: "partnership_member",
      entityId: organisationId,
      partnershipId,
      before: { organisation: organisation?.name ?? organisationId, role: member.role },
    });
  });
}
