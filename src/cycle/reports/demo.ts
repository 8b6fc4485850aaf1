import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import type { ReportSources } from "./report-data.ts";
import { reportTypesFor } from "./report-types.ts";
import type { CompletenessLinks } from "./completeness.ts";
import { createReport, publishReport, saveNarrative, signOffReport } from "./report-service.ts";
import { londonToday } from "../../kernel/time.ts";

/**
 * The demo partnership's report for the year its fictional updates cover, drafted through the
 * services; published (signed off first) when `publish` is set, so /published has something real.
 */
export async function seedReportDemo(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  reportingYear: string,
  options: { publish: boolean; sources?: ReportSources; links?: CompletenessLinks },
) {
  const [type] = reportTypesFor(partnership.nation);
  const endYear = Number(reportingYear.slice(0, 4)) + 1;
  // Dates as a partnership would have them (drafted in May, signed off and published in June), never in the future.
  const today = londonToday();
  const asOf = (iso: string) => (iso < today ? iso : today);
  const report = await createReport(
    db,
    audit,
    partnership,
    { type: type!, reportingYear },
    asOf(`${endYear}-05-20`),
    options.sources,
  );
  await saveNarrative(
    db,
    audit,
    report.partnershipId,
    report.id,
    "summary",
    `In ${reportingYear} the partners of ${partnership.name} focused on getting money into families' pockets and on making services easier to reach.\n\nThis report was drafted from the partnership's action plan and quarterly updates.`,
  );
  await saveNarrative(
    db,
    audit,
    report.partnershipId,
    report.id,
    "case-studies",
    "<p><strong>A family in the north of the area (fictional).</strong> A lone parent of three was referred by the health visitor to the money advice service, which found £2,400 a year of unclaimed support and helped with the applications.</p>",
  );
  if (options.publish) {
    await signOffReport(
      db,
      audit,
      report.partnershipId,
      report.id,
      {
        name: `Chair, ${partnership.areaName} Child Poverty Partnership (fictional)`,
        role: "board",
        signedOn: asOf(`${endYear}-06-10`),
      },
      today,
    );
    const publishedOn = asOf(`${endYear}-06-12`);
    await publishReport(
      db,
      audit,
      partnership,
      report.id,
      publishedOn,
      options.links ?? {},
      new Date(`${publishedOn}T10:00:00Z`),
    );
  }
  return report;
}
