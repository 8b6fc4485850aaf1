/**
 * Loads the built-in reference geography (uk-geography.json) after the migrations: every
 * authority, county, region, combined authority, health board and nation of the UK with their
 * parents, code changes and former names, so a fresh install can take an authority-level file
 * at once. Once per version (reference_data_loads), in one transaction, under an advisory lock
 * so several nodes starting together load it once. Small-area geography stays an
 * administrator's upload.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../kernel/db/database.ts";
import { nationOfCode } from "../area-types.ts";
import { normaliseAreaName } from "../name-matching.ts";
import { insertAliases } from "../boundary-repository.ts";
import { insertCodeChanges } from "../changes-repository.ts";
import { replaceParentLinks, upsertAreas } from "../repository.ts";
import { deriveSuccessorLinks } from "../successors.ts";
import { referenceDataLoads } from "../tables.ts";
import { REFERENCE_FILE, readReference } from "./reference-file.ts";

const LOCK_KEY = 7_214_012;

export interface ReferenceLoad {
  loaded: boolean;
  version: string;
  areas: number;
}

export async function loadReferenceGeography(db: Db, file = REFERENCE_FILE): Promise<ReferenceLoad> {
  const reference = await readReference(file);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const [current] = await tx.select().from(referenceDataLoads).where(eq(referenceDataLoads.name, reference.name));
    if (current?.version === reference.version)
      return { loaded: false, version: reference.version, areas: reference.areas.length };
    await upsertAreas(
      tx,
      reference.areas.map(([code, name, type, tiers, startYear, endYear]) => ({
        code,
        name,
        type,
        nation: nationOfCode(code),
        upperTier: (tiers & 1) !== 0,
        lowerTier: (tiers & 2) !== 0,
        startYear,
        endYear,
      })),
    );
    await replaceParentLinks(tx, reference.parents);
    await insertCodeChanges(
      tx,
      reference.changes.map(([oldCode, oldName, newCode, newName, changeType, startYear]) => ({
        oldCode,
        oldName,
        newCode,
        newName,
        changeType,
        startYear,
      })),
    );
    const ids = new Map(
      (
        (await tx.execute(
          sql`select id, code from areas where code = any(${`{${reference.formerNames.map((n) => n[0]).join(",")}}`}::text[])`,
        )) as unknown as {
          rows: { id: number; code: string }[];
        }
      ).rows.map((row) => [row.code, Number(row.id)]),
    );
    await insertAliases(
      tx,
      reference.formerNames.flatMap(([code, name, untilYear]) => {
        const areaId = ids.get(code);
        return areaId === undefined
          ? []
          : [
              {
                normalisedName: normaliseAreaName(name),
                name,
                areaId,
                untilYear,
                source: "reference geography (former name)",
                createdBy: "reference",
              },
            ];
      }),
    );
    await deriveSuccessorLinks(tx);
    await tx
      .insert(referenceDataLoads)
      .values({ name: reference.name, version: reference.version, sha256: reference.sha256 })
      .onConflictDoUpdate({
        target: referenceDataLoads.name,
        set: { version: reference.version, sha256: reference.sha256, loadedAt: new Date() },
      });
    return { loaded: true, version: reference.version, areas: reference.areas.length };
  });
}
