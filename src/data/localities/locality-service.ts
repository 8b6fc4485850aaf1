import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import {
  type AreaRow,
  childrenOfType,
  deleteLocality,
  findAreaByCode,
  findLocality,
  GSS_CODE,
  insertLocality,
  localityMembers,
  replaceLocalityAreas,
} from "../geography/index.ts";
import { findLocalityByName, updateLocalityRecord } from "./repository.ts";
import { type LocalityForm, splitCodes } from "./schemas.ts";

/** The authority's small areas (LSOAs in England and Wales, data zones in Scotland). */
export async function smallAreasOf(
  db: Executor,
  areaCode: string,
): Promise<{ authority: AreaRow | null; small: AreaRow[] }> {
  const authority = (await findAreaByCode(db, areaCode)) ?? null;
  return { authority, small: authority ? await childrenOfType(db, authority, "lsoa") : [] };
}

function listed(codes: string[]): string {
  return codes.length > 10 ? `${codes.slice(0, 10).join(", ")} and ${codes.length - 10} more` : codes.join(", ");
}

/** Checks the chosen codes belong to the authority; errors name each wrong code. */
async function validate(
  db: Executor,
  partnership: { id: string; areaCode: string },
  form: LocalityForm,
  localityId: string | null,
) {
  const errors: FieldError[] = [];
  const { authority, small } = await smallAreasOf(db, partnership.areaCode);
  if (!authority)
    throw AppError.validation([
      {
        field: "codes",
        message: `The partnership's area ${partnership.areaCode} is not in the geography yet, so its small areas are not known`,
      },
    ]);
  const inside = new Map(small.map((area) => [area.code, area.id]));
  const pasted = splitCodes(form.codes);
  const codes = [...new Set([...pasted, ...form.areas.map((code) => code.trim().toUpperCase())])];
  const malformed = pasted.filter((code) => !GSS_CODE.test(code));
  const outside = codes.filter((code) => GSS_CODE.test(code) && !inside.has(code));
  if (malformed.length)
    errors.push({
      field: "codes",
      message: `Not area codes: ${listed(malformed)} (codes look like ${small[0]?.code ?? "E01012304"})`,
    });
  if (outside.length)
    errors.push({ field: "codes", message: `Not small areas of ${authority.name}: ${listed(outside)}` });
  if (!malformed.length && !outside.length && codes.length === 0)
    errors.push({ field: "codes", message: "Choose at least one small area: paste codes or tick them" });
  const clash = await findLocalityByName(db, partnership.id, form.name);
  if (clash && clash.id !== localityId)
    errors.push({ field: "name", message: `There is already a locality called ${form.name}` });
  if (errors.length) throw AppError.validation(errors);
  return { codes, areaIds: codes.map((code) => inside.get(code)!) };
}

/** Creates (localityId null) or updates a locality and its areas in one transaction, audited. */
export async function saveLocality(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; areaCode: string },
  form: LocalityForm,
  localityId: string | null,
): Promise<string> {
  const before = localityId ? await findLocality(db, localityId, partnership.id) : undefined;
  if (localityId && !before) throw AppError.notFound();
  const previousCodes = localityId ? (await localityMembers(db, localityId)).map((row) => row.area.code) : [];
  const { codes, areaIds } = await validate(db, partnership, form, localityId);
  return db.transaction(async (tx) => {
    const values = { name: form.name, description: form.description };
    const id = localityId ?? (await insertLocality(tx, { partnershipId: partnership.id, ...values })).id;
    if (localityId) await updateLocalityRecord(tx, localityId, partnership.id, values);
    await replaceLocalityAreas(tx, id, areaIds);
    await recordAudit(tx, audit, {
      action: localityId ? "locality.updated" : "locality.created",
      entityType: "locality",
      entityId: id,
      partnershipId: partnership.id,
      before: before ? { name: before.name, description: before.description, areaCodes: previousCodes } : undefined,
      after: { ...values, areaCodes: codes },
    });
    return id;
  });
}

export async function removeLocality(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  localityId: string,
): Promise<void> {
  const before = await findLocality(db, localityId, partnershipId);
  if (!before) throw AppError.notFound();
  const codes = (await localityMembers(db, localityId)).map((row) => row.area.code);
  await db.transaction(async (tx) => {
    await deleteLocality(tx, localityId, partnershipId);
    await recordAudit(tx, audit, {
      action: "locality.deleted",
      entityType: "locality",
      entityId: localityId,
      partnershipId,
      before: { name: before.name, description: before.description, areaCodes: codes },
    });
  });
}
