import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { composeDocument, parseDocument } from "./compose.ts";
import { completeness, type CompletenessLinks } from "./completeness.ts";
import { generateReport } from "./generate.ts";
import type { GeneratedReport } from "./generated.ts";
import { loadReportData, type ReportSources } from "./report-data.ts";
import { type ReportType, reportTypesFor, reportTypeLabels } from "./report-types.ts";
import * as repo from "./repository.ts";
import type { NewReportInput, SignOffInput } from "./schemas.ts";

/** A report with everything its page needs. */
export async function loadReport(db: Executor, partnershipId: string, id: string, links: CompletenessLinks) {
  const report = await repo.findReport(db, partnershipId, id);
  if (!report) throw AppError.notFound();
  const [narrativeRows, signOffs, publications] = await Promise.all([
    repo.listNarratives(db, id),
    repo.currentSignOffs(db, id),
    repo.listPublications(db, id),
  ]);
  const generated = report.generated as GeneratedReport;
  const narratives = new Map(narrativeRows.map((row) => [row.sectionKey, row.html]));
  return {
    report,
    generated,
    narratives,
    narrativeRows,
    signOffs,
    publications,
    completeness: completeness({ id: report.id, partnershipId, generated }, narratives, signOffs.length, links),
  };
}
export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;

export async function createReport(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  input: NewReportInput,
  today: string,
  sources: ReportSources = {},
) {
  if (!reportTypesFor(partnership.nation).includes(input.type)) {
    throw AppError.validation([
      { field: "type", message: `A ${reportTypeLabels[input.type]} does not apply to this partnership's nation` },
    ]);
  }
  const data = await loadReportData(db, partnership, input.reportingYear, sources);
  const generated = await generateReport(input.type, data, today);
  return db.transaction(async (tx) => {
    if (await repo.findReportFor(tx, partnership.id, input.reportingYear, input.type)) {
      throw AppError.validation([
        {
          field: "reportingYear",
          message: `There is already a ${reportTypeLabels[input.type]} for ${input.reportingYear}`,
        },
      ]);
    }
    const row = await repo.insertReport(tx, {
      partnershipId: partnership.id,
      reportingYear: input.reportingYear,
      type: input.type,
      generated,
    });
    await recordAudit(tx, audit, {
      action: "report.create",
      entityType: "report",
      entityId: row.id,
      partnershipId: partnership.id,
      after: { reportingYear: row.reportingYear, type: row.type },
    });
    return row;
  });
}

/** A content change invalidates sign-off: the signatories approved something else. */
async function backToDraft(tx: Executor, partnershipId: string, report: repo.ReportRow) {
  const superseded = await repo.supersedeSignOffs(tx, report.id);
  if (report.status !== "draft") await repo.updateReport(tx, partnershipId, report.id, { status: "draft" });
  return superseded;
}

/** Re-derives the data sections from what is recorded now; narrative blocks are untouched. */
export async function regenerateReport(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  id: string,
  today: string,
  sources: ReportSources = {},
) {
  const existing = await repo.findReport(db, partnership.id, id);
  if (!existing) throw AppError.notFound();
  const data = await loadReportData(db, partnership, existing.reportingYear, sources);
  const generated = await generateReport(existing.type as ReportType, data, today);
  await db.transaction(async (tx) => {
    const report = await repo.findReport(tx, partnership.id, id);
    if (!report) throw AppError.notFound();
    const superseded = await backToDraft(tx, partnership.id, report);
    await repo.updateReport(tx, partnership.id, id, { generated, generatedAt: new Date() });
    await recordAudit(tx, audit, {
      action: "report.regenerate",
      entityType: "report",
      entityId: id,
      partnershipId: partnership.id,
      before: { status: report.status },
      after: { status: "draft", supersededSignOffs: superseded },
    });
  });
}

export async function saveNarrative(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  id: string,
  sectionKey: string,
  html: string,
) {
  const clean = sanitizeRichText(html, "page");
  await db.transaction(async (tx) => {
    const report = await repo.findReport(tx, partnershipId, id);
    if (!report) throw AppError.notFound();
    if (!(report.generated as GeneratedReport).sections.some((section) => section.key === sectionKey))
      throw AppError.notFound();
    const before = (await repo.listNarratives(tx, id)).find((row) => row.sectionKey === sectionKey);
    // Saving the same text again is not a change: it must not undo a sign-off.
    if ((before?.html ?? "") === clean) return;
    await backToDraft(tx, partnershipId, report);
    const row = await repo.upsertNarrative(tx, {
      partnershipId,
      reportId: id,
      sectionKey,
      html: clean,
      updatedByLabel: audit.actorLabel,
    });
    await repo.updateReport(tx, partnershipId, id, {});
    await recordAudit(tx, audit, {
      action: "report.narrative.save",
      entityType: "report",
      entityId: id,
      partnershipId,
      before: before ? { sectionKey, html: before.html } : null,
      after: { sectionKey, html: row.html },
    });
  });
}

export async function signOffReport(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  id: string,
  input: SignOffInput,
  today: string,
) {
  if (input.signedOn > today)
    throw AppError.validation([{ field: "signedOn", message: "The date of sign-off must be today or in the past" }]);
  await db.transaction(async (tx) => {
    const report = await repo.findReport(tx, partnershipId, id);
    if (!report) throw AppError.notFound();
    const row = await repo.insertSignOff(tx, { partnershipId, reportId: id, ...input });
    if (report.status === "draft") await repo.updateReport(tx, partnershipId, id, { status: "signed-off" });
    await recordAudit(tx, audit, {
      action: "report.sign_off",
      entityType: "report",
      entityId: id,
      partnershipId,
      before: { status: report.status },
      after: row,
    });
  });
}

/** Freezes the report as it stands: the full document (figures included) is copied, never re-derived. */
export async function publishReport(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  id: string,
  today: string,
  links: CompletenessLinks,
  publishedAt: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const report = await repo.findReport(tx, partnership.id, id);
    if (!report) throw AppError.notFound();
    const signOffs = await repo.currentSignOffs(tx, id);
    if (report.status !== "signed-off" || signOffs.length === 0) {
      throw AppError.validation([
        { field: "publish", message: "Record a sign-off of the current version before publishing" },
      ]);
    }
    const narratives = new Map((await repo.listNarratives(tx, id)).map((row) => [row.sectionKey, row.html]));
    const generated = report.generated as GeneratedReport;
    const version = await repo.nextVersion(tx, id);
    const document = parseDocument(
      composeDocument({ partnership, generated, narratives, signOffs, status: "Published", version, date: today }),
    );
    const snapshot = {
      document,
      completeness: completeness({ id, partnershipId: partnership.id, generated }, narratives, signOffs.length, links),
      type: report.type,
      reportingYear: report.reportingYear,
    };
    const publication = await repo.insertPublication(tx, {
      partnershipId: partnership.id,
      reportId: id,
      version,
      snapshot,
      publishedByLabel: audit.actorLabel,
      publishedAt,
    });
    await repo.updateReport(tx, partnership.id, id, { status: "published" });
    await recordAudit(tx, audit, {
      action: "report.publish",
      entityType: "report",
      entityId: id,
      partnershipId: partnership.id,
      before: { status: report.status },
      after: { status: "published", publicationId: publication.id, version },
    });
    return publication;
  });
}
