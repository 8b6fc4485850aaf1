import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findAreaByCode, findGroup, groupMembers, neighboursOf, saveComparisonGroup } from "../geography/index.ts";
import { deleteOwnGroup } from "./repository.ts";

/**
 * A ready-made comparison group from the neighbours data: the authorities sharing a border
 * with the partnership's area (longest border first), saved as the partnership's own group.
 * Making it again refreshes the same group (same name), so it never duplicates.
 */
export async function neighboursGroup(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; areaCode: string },
): Promise<string> {
  const area = await findAreaByCode(db, partnership.areaCode);
  if (!area)
    throw AppError.validation([
      { field: "neighbours", message: `The partnership's area ${partnership.areaCode} is not in the geography yet` },
    ]);
  const neighbours = (await neighboursOf(db, area.id, "border")).filter((row) => row.area.code !== area.code);
  if (neighbours.length === 0) {
    throw AppError.validation([
      {
        field: "neighbours",
        message: `No geographic neighbours of ${area.name} have been imported (cpah import neighbours <file>)`,
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const { group } = await saveComparisonGroup(tx, audit, {
      partnershipId: partnership.id,
      name: `Geographic neighbours of ${area.name}`,
      kind: "geographic",
      subjectCode: area.code,
      memberCodes: neighbours.map((row) => row.area.code),
      source: "Geographic neighbours (shared borders)",
    });
    return group.id;
  });
}

export async function removeGroup(db: Db, audit: AuditContext, partnershipId: string, groupId: string): Promise<void> {
  const group = await findGroup(db, groupId, partnershipId);
  if (!group) throw AppError.notFound();
  if (group.partnershipId !== partnershipId)
    throw AppError.forbidden(
      "This comparison group is shared by every partnership; only an administrator can remove it",
    );
  const members = (await groupMembers(db, groupId)).map((row) => row.area.code);
  await db.transaction(async (tx) => {
    await deleteOwnGroup(tx, groupId, partnershipId);
    await recordAudit(tx, audit, {
      action: "comparison-group.deleted",
      entityType: "comparison_group",
      entityId: groupId,
      partnershipId,
      before: { name: group.name, kind: group.kind, members },
    });
  });
}
