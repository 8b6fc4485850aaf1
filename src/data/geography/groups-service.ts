import { z } from "zod";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import {
  type ComparisonGroupRow,
  findGroupByName,
  insertGroup,
  insertLocality,
  type LocalityRow,
  replaceGroupMembers,
  replaceLocalityAreas,
  updateGroup,
} from "./groups-repository.ts";
import { areaIdsByCode, descendantsOfType, findAreaByCode, listAreaTypes } from "./repository.ts";

const codes = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[EKNSW]\d{8}$/, "must be a GSS code like E08000009"),
  )
  .min(1, "choose at least one area")
  .max(5000);

export const comparisonGroupInputSchema = z.object({
  partnershipId: z.uuid().nullable(),
  name: z.string().trim().min(1, "enter a name").max(200),
  kind: z.enum(["cipfa", "statistical", "geographic", "user"]).default("user"),
  subjectCode: z
    .string()
    .regex(/^[EKNSW]\d{8}$/)
    .nullable()
    .default(null),
  memberCodes: codes,
  source: z.string().max(500).default(""),
});
export type ComparisonGroupInput = z.input<typeof comparisonGroupInputSchema>;

const AUTHORITY_TYPES = new Set([
  "local-authority",
  "county",
  "nation",
  "region",
  "health-board",
  "combined-authority",
]);

/** Which of these known area codes are not authorities (a comparison group may hold only those). */
export async function notAuthorityCodes(db: Executor, codes: string[], ids: Map<string, number>): Promise<string[]> {
  const types = await listAreaTypes(
    db,
    codes.flatMap((code) => ids.get(code) ?? []),
  );
  return codes.filter((code) => ids.has(code) && !AUTHORITY_TYPES.has(types.get(ids.get(code)!) ?? ""));
}

/** Creates or replaces (same owner, same name) a comparison group of authorities. */
export async function saveComparisonGroup(
  db: Executor,
  audit: AuditContext,
  input: ComparisonGroupInput,
): Promise<{ group: ComparisonGroupRow; unknownCodes: string[] }> {
  const data = comparisonGroupInputSchema.parse(input);
  const ids = await areaIdsByCode(db, data.memberCodes);
  const unknownCodes = data.memberCodes.filter((code) => !ids.has(code));
  if (unknownCodes.length > 0)
    throw AppError.validation([{ field: "memberCodes", message: `Unknown area codes: ${unknownCodes.join(", ")}` }]);
  const notAuthorities = await notAuthorityCodes(db, data.memberCodes, ids);
  if (notAuthorities.length > 0)
    throw AppError.validation([
      {
        field: "memberCodes",
        message: `Not authorities (a comparison group compares authorities): ${notAuthorities.join(", ")}`,
      },
    ]);
  const subject = data.subjectCode ? await findAreaByCode(db, data.subjectCode) : undefined;
  if (data.subjectCode && !subject)
    throw AppError.validation([{ field: "subjectCode", message: `Unknown area code ${data.subjectCode}` }]);
  const existing = await findGroupByName(db, data.partnershipId, data.name);
  const values = {
    partnershipId: data.partnershipId,
    name: data.name,
    kind: data.kind,
    subjectAreaId: subject?.id ?? null,
    source: data.source,
  };
  let group: ComparisonGroupRow;
  if (existing) {
    await updateGroup(db, existing.id, values);
    group = { ...existing, ...values };
  } else group = await insertGroup(db, values);
  const memberIds = [...new Set(data.memberCodes)].map((code) => ids.get(code)!);
  await replaceGroupMembers(db, group.id, memberIds);
  await recordAudit(db, audit, {
    action: existing ? "comparison-group.updated" : "comparison-group.created",
    entityType: "comparison_group",
    entityId: group.id,
    partnershipId: data.partnershipId,
    after: { ...values, members: data.memberCodes },
  });
  return { group, unknownCodes };
}

export const localityInputSchema = z.object({
  name: z.string().trim().min(1, "enter a name").max(200),
  description: z.string().trim().max(2000).default(""),
  areaCodes: codes,
});

const SMALL_AREA_TYPES = ["lsoa", "msoa", "ward"] as const;

/** A named set of small areas, all inside the partnership's own authority. */
export async function createLocality(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; areaCode: string },
  input: unknown,
): Promise<LocalityRow> {
  const parsed = localityInputSchema.safeParse(input);
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "form"), message: issue.message })),
    );
  }
  const authority = await findAreaByCode(db, partnership.areaCode);
  if (!authority)
    throw AppError.validation([
      { field: "areaCodes", message: `The partnership's area ${partnership.areaCode} is not in the geography yet` },
    ]);
  const inside = new Map<string, number>();
  for (const type of SMALL_AREA_TYPES)
    for (const area of await descendantsOfType(db, authority.id, type)) inside.set(area.code, area.id);
  const outside = parsed.data.areaCodes.filter((code) => !inside.has(code));
  if (outside.length > 0) {
    throw AppError.validation([
      { field: "areaCodes", message: `Not small areas of ${authority.name}: ${outside.slice(0, 20).join(", ")}` },
    ]);
  }
  return db.transaction(async (tx) => {
    const locality = await insertLocality(tx, {
      partnershipId: partnership.id,
      name: parsed.data.name,
      description: parsed.data.description,
    });
    await replaceLocalityAreas(
      tx,
      locality.id,
      [...new Set(parsed.data.areaCodes)].map((code) => inside.get(code)!),
    );
    await recordAudit(tx, audit, {
      action: "locality.created",
      entityType: "locality",
      entityId: locality.id,
      partnershipId: partnership.id,
      after: { ...parsed.data },
    });
    return locality;
  });
}
