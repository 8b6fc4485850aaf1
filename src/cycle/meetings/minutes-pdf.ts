import { chromiumAvailable, renderHtmlPdf } from "../../lib/documents/index.ts";
import { createViewEnvironment } from "../../kernel/views/environment.ts";
import type { MeetingRecord } from "./meetings-service.ts";
import { actionStatusLabels } from "./schemas.ts";

const views = createViewEnvironment();

export function pdfAvailable(): boolean {
  return chromiumAvailable();
}

/** Prints the minutes page with the shared headless Chromium (scripts and network off). */
export function minutesPdf(
  partnership: { name: string; isFictional: boolean },
  record: MeetingRecord,
): Promise<Buffer> {
  const html = views.render("meetings/views/minutes-pdf.njk", {
    partnership,
    ...record,
    statusLabels: actionStatusLabels,
  });
  return renderHtmlPdf(html, { title: `Minutes: ${partnership.name}` });
}
