/**
 * Access tiers and embargo in the demo (issue 15), for the first demo partnership: one
 * restricted indicator read only by the people named as its readers (the lead and the editor,
 * not the viewer), and one import embargoed until 30 days after the demo is seeded. Both are
 * small-count local data, every figure invented and labelled "Fictional demo data". Loaded
 * through the real importer and the same services as the access pages, so each step is audited.
 * Skipped when already there.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { importerFor, sourceFromBytes, startImportJob } from "../../data/imports/index.ts";
import { changeEmbargo, changeTier, editIndicator, findBatchOf, findIndicator } from "../../data/indicators/index.ts";
import { findUserByEmail } from "../../workspace/access/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";

export const DEMO_RESTRICTED_SLUG = "demo-children-in-need-young-carers-count";
export const DEMO_EMBARGOED_SLUG = "demo-families-referred-to-income-maximisation-count";
const EMBARGO_DAYS = 30;

function file(slug: string, values: readonly number[], areaCode: string): Buffer {
  const lines = ["area_code,period,indicator,value,measure"];
  values.forEach((value, i) => {
    const year = 2021 + i;
    lines.push(`${areaCode},${year}/${String((year + 1) % 100).padStart(2, "0")},${slug},${value},count`);
  });
  return Buffer.from(`${lines.join("\n")}\n`);
}

async function load(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  leadId: string,
  slug: string,
  title: string,
  values: number[],
) {
  // As the lead's upload: a finished import job, so the lead's import page lists it and its page.
  const { finished } = await startImportJob(db, {
    partnershipId: partnership.id,
    userId: leadId,
    token: `demo-${slug}`,
    request: {
      importer: importerFor("tidy")!,
      file: sourceFromBytes(`${slug}.csv`, file(slug, values, partnership.areaCode)),
      options: { disclosure: "small-count", publisher: "Fictional demo data" },
      dryRun: false,
      audit,
      partnershipId: partnership.id,
    },
  });
  const report = await finished;
  if (!report?.ok || report.batchId === undefined)
    throw new Error(
      `demo ${slug} did not import: ${report?.errors.map((e) => e.message).join("; ") ?? "service error"}`,
    );
  await editIndicator(db, audit, slug, {
    title,
    dataset: "Child Poverty Action Hub demo indicators (fictional, not official statistics)",
    definition: "Fictional figures made up for the demonstration of access tiers and embargo. Not official statistics.",
  });
  return report.batchId;
}

export async function seedAccessDemo(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  readers: { lead: string; editor: string },
  now: Date = new Date(),
): Promise<void> {
  if (await findIndicator(db, DEMO_RESTRICTED_SLUG)) return;
  const lead = await findUserByEmail(db, readers.lead);
  if (!lead) throw new Error(`demo access tiers: the lead ${readers.lead} is not there yet`);
  await load(
    db,
    audit,
    partnership,
    lead.id,
    DEMO_RESTRICTED_SLUG,
    "Young carers known to children's services (Fictional demo data)",
    [48, 53, 61, 57],
  );
  const restricted = (await findIndicator(db, DEMO_RESTRICTED_SLUG))!;
  const userIds = [];
  for (const email of [readers.lead, readers.editor]) {
    const user = await findUserByEmail(db, email);
    if (user) userIds.push(user.id);
  }
  await changeTier(
    db,
    audit,
    restricted,
    { tier: "restricted", userIds, organisationIds: [], agreementId: null },
    { userIds: new Set(userIds), organisationIds: new Set() },
  );
  const batchId = await load(
    db,
    audit,
    partnership,
    lead.id,
    DEMO_EMBARGOED_SLUG,
    "Families referred for income maximisation advice (Fictional demo data)",
    [120, 145, 170],
  );
  const batch = (await findBatchOf(db, batchId, partnership.id))!;
  await changeEmbargo(db, audit, batch, new Date(now.getTime() + EMBARGO_DAYS * 86_400_000));
}
