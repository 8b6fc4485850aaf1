import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { isUniqueViolation } from "../../kernel/db/errors.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import {
  findOrganisation,
  findOrganisationByName,
  insertOrganisation,
  type OrganisationRow,
  updateOrganisation,
} from "./repository.ts";
import type { OrganisationInput } from "./schemas.ts";

const DUPLICATE_NAME = "An organisation with this name already exists";

/** A concurrent insert of the same name reaches the unique index: report it like the pre-check. */
function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) throw AppError.validation([{ field: "name", message: DUPLICATE_NAME }]);
  throw error;
}

function snapshot(row: OrganisationRow) {
  return { name: row.name, type: row.type, gssCode: row.gssCode };
}

export async function createOrganisation(
  db: Db,
  context: AuditContext,
  input: OrganisationInput,
): Promise<OrganisationRow> {
  return db
    .transaction(async (tx) => {
      if (await findOrganisationByName(tx, input.name))
        throw AppError.validation([{ field: "name", message: DUPLICATE_NAME }]);
      const row = await insertOrganisation(tx, input);
      await recordAudit(tx, context, {
        action: "organisation.created",
        entityType: "organisation",
        entityId: row.id,
        after: snapshot(row),
      });
      return row;
    })
    .catch(duplicateName);
}

export async function editOrganisation(
  db: Db,
  context: AuditContext,
  id: string,
  input: OrganisationInput,
): Promise<OrganisationRow> {
  return db
    .transaction(async (tx) => {
      const before = await findOrganisation(tx, id);
      if (!before) throw AppError.notFound();
      if (await findOrganisationByName(tx, input.name, id))
        throw AppError.validation([{ field: "name", message: DUPLICATE_NAME }]);
      const row = await updateOrganisation(tx, id, input);
      await recordAudit(tx, context, {
        action: "organisation.updated",
        entityType: "organisation",
        entityId: row.id,
        before: snapshot(before),
        after: snapshot(row),
      });
      return row;
    })
    .catch(duplicateName);
}
