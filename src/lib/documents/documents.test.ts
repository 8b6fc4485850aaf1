import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { buildSampleDocument } from "../../../tests/helpers/sample-document.ts";
import {
  chromiumAvailable,
  closeDocumentWorker,
  createPdfRenderer,
  documentSchema,
  renderChartsOffThread,
  renderDocumentDocx,
  renderDocumentDocxInProcess,
  renderDocumentFragment,
  renderStandaloneHtml,
} from "./index.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import { isRenderCached, renderCached, statusChart } from "../charts/index.ts";
import { drawChartsAhead } from "./charts-ahead.ts";
import { documentWorker } from "./document-worker-pool.ts";
import { svgToPngCached } from "./svg-to-png.ts";

const sample = buildSampleDocument({ charts: 4, actions: 8, map: true });

describe("document model", () => {
  it("sanitises rich text with a strict allow-list", () => {
    const clean = sanitizeRichText(
      '<p onclick="x">Hi <b>there</b> <a href="javascript:alert(1)">x</a> <a href="https://example.org">ok</a><img src=x></p><h1>Heading</h1><script>bad()</script><iframe src="https://evil"></iframe>',
      "document",
    );
    expect(clean).toContain('<p>Hi <strong>there</strong>  <a href="https://example.org">ok</a></p>');
    expect(clean).not.toMatch(/onclick|javascript:|<img|<h1|<script|bad\(\)|<iframe/);
  });

  it("keeps the narrative after an unclosed <style> tag", () => {
    expect(sanitizeRichText("<p>One</p><style>\n<p>Two <i>now</i></p>", "document")).toMatch(
      /^<p>One<\/p>\s*<p>Two <em>now<\/em><\/p>$/,
    );
  });

  it("refuses figure SVG with scriptable content", () => {
    const figure = {
      type: "figure",
      caption: "c",
      alt: "a",
      width: 200,
      height: 200,
      table: { caption: "t", columns: ["a"], rows: [] },
    };
    const bad = (svg: string) =>
      documentSchema.safeParse({ title: "T", sections: [{ heading: "S", blocks: [{ ...figure, svg }] }] }).success;
    expect(bad("<svg><script>alert(1)</script></svg>")).toBe(false);
    expect(bad('<svg><rect onload="x()"/></svg>')).toBe(false);
    expect(bad("<div></div>")).toBe(false);
    expect(bad('<svg viewBox="0 0 1 1"></svg>')).toBe(true);
  });
});

describe("HTML renderer", () => {
  it("renders a standalone, printable document with numbered figures, data tables and a draft marker", () => {
    const html = renderStandaloneHtml(sample, { nonce: "abc123" });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<style nonce="abc123">');
    expect(html).toContain("@page { size: A4");
    expect(html).toContain(
      '<h1 class="govuk-heading-xl app-document__title">Example Partnership Local Child Poverty Action Report 2025/26</h1>',
    );
    expect(html).toContain('<h2 class="govuk-heading-l" id="introduction">Introduction</h2>');
    expect(html).toContain('<h3 class="govuk-heading-m" id="neighbourhoods">Neighbourhoods</h3>');
    expect(html).toContain("Figure 3: Darlington LSOAs by national IDACI decile");
    expect(html).toContain("Data for figure 1:");
    expect((html.match(/<svg /g) ?? []).length).toBe(5);
    expect(html).toContain("<strong>three priorities</strong>");
    expect(html).not.toContain("<script");
    expect(html).toContain("Draft</strong> Not yet published");
    expect(html).not.toContain("<details");
  });

  it("renders a fragment for pages with collapsible data tables", () => {
    const html = renderDocumentFragment(sample, { showTitle: false });
    expect(html).not.toContain("<h1");
    expect(html).toContain('<details class="govuk-details app-figure__data">');
    expect(html).toContain('<th scope="col" class="govuk-table__header">Ref</th>');
    expect(html).not.toMatch(/<style/);
  });

  it("escapes user text", () => {
    const html = renderDocumentFragment({
      title: "<b>T</b>",
      sections: [{ heading: "<i>S</i>", blocks: [{ type: "paragraph", text: "<script>x</script>" }] }],
    });
    expect(html).toContain("&lt;b&gt;T&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });
});

describe("DOCX renderer", () => {
  it("writes Word headings, tables with repeating header rows, images with alt text and page numbers", async () => {
    // Through the worker thread, as servers use it.
    const buffer = await renderDocumentDocx(sample);
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("word/document.xml")!.async("string");
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    const core = await zip.file("docProps/core.xml")!.async("string");
    const stylesXml = await zip.file("word/styles.xml")!.async("string");

    const headingOf = (style: string, text: string) =>
      new RegExp(`<w:pStyle w:val="${style}"/>.*?<w:t[^>]*>${text}</w:t>`).test(xml);
    expect(headingOf("Title", "Example Partnership Local Child Poverty Action Report 2025/26")).toBe(true);
    expect(headingOf("Heading1", "Introduction")).toBe(true);
    expect(headingOf("Heading1", "Evidence of need")).toBe(true);
    expect(headingOf("Heading2", "Neighbourhoods")).toBe(true);
    expect(headingOf("Heading2", "Measures for income maximisation")).toBe(true);
    expect(stylesXml).toContain('w:styleId="Heading1"');
    expect(stylesXml).toContain('w:ascii="Arial"');
    // Without an explicit "auto" rule LibreOffice reads line spacing as exact and clips the figures.
    expect(stylesXml).toMatch(/<w:spacing [^>]*w:line="300" w:lineRule="auto"/);

    expect(xml).toContain("<w:tblHeader/>");
    for (const cell of [
      "Ref",
      "Lead partner",
      "A01",
      "Jobcentre Plus",
      "E01012304",
      "Darlington 012A",
      "2021/22 (p)",
      "[x]",
    ]) {
      expect(xml).toContain(`>${cell}</w:t>`);
    }
    expect(xml).toContain("Data for figure 1: ");

    const imageRefs = [...xml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => m[1]!);
    expect(imageRefs).toHaveLength(5);
    for (const ref of imageRefs) expect(rels).toMatch(new RegExp(`Id="${ref}"[^>]*Target="media/[^"]+\\.png"`));
    const pngs = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    expect(pngs).toHaveLength(5);
    const png = await zip.file(pngs[0]!)!.async("uint8array");
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Map of Income deprivation affecting children in Darlington/);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Line chart of Children in relative low income/);

    expect(core).toContain("<dc:title>Example Partnership Local Child Poverty Action Report 2025/26</dc:title>");
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /word\/footer\d*\.xml/.test(name))
        .map((name) => zip.file(name)!.async("string")),
    );
    expect(footers.join("")).toMatch(/PAGE/);
    expect(footers.join("")).toMatch(/NUMPAGES/);
    expect(xml).not.toContain("alert(1)");
  });

  it("gives the same document in process and in the worker, and rejects invalid input", async () => {
    const small = buildSampleDocument({ charts: 1, actions: 3 });
    const [inWorker, inProcess] = await Promise.all([renderDocumentDocx(small), renderDocumentDocxInProcess(small)]);
    // docx gives hyperlinks and images random relationship ids and counts drawing ids per
    // process; everything else must match.
    const text = async (buffer: Buffer) =>
      (await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string")).replace(
        /(r:id|r:embed|\bid)="[^"]*"/g,
        "",
      );
    expect(await text(inWorker)).toBe(await text(inProcess));
    await expect(renderDocumentDocx({ title: "", sections: [] })).rejects.toThrow(/DOCX generation failed/);
  });

  it("draws charts in the worker as in process, and refuses an invalid document before printing it", async () => {
    const input = {
      title: "Actions by status",
      groups: [{ name: "Income", counts: { red: 1, amber: 2, green: 3 } }],
    };
    const [drawn] = await renderChartsOffThread([{ chart: "status", input }]);
    expect(drawn).toEqual(statusChart(input));
    // No Chromium at this path: the model is refused before any browser is asked for.
    const printer = { executablePath: "/nonexistent/chromium", concurrency: 1, timeoutMs: 10_000 };
    await expect(documentWorker().pdf({ printer, document: { title: "", sections: [] } })).rejects.toThrow(
      /PDF rendering failed: .*title/s,
    );
  });

  it("draws charts ahead in the worker for renderCached to find, leaving one it cannot draw to the caller", async () => {
    const input = { title: "Drawn ahead", groups: [{ name: "Costs", counts: { green: 4 } }] };
    const broken = { title: "Not drawable", groups: [] };
    await drawChartsAhead([
      { cacheKind: "ahead-test", request: { chart: "status", input } },
      { cacheKind: "ahead-test", request: { chart: "status", input: broken } },
    ]);
    expect(isRenderCached("ahead-test", [JSON.stringify(broken)])).toBe(false);
    const found = renderCached("ahead-test", [JSON.stringify(input)], () => {
      throw new Error("drawn again on this thread");
    });
    expect(found).toEqual(statusChart(input));
  });
});

describe("chart rasterising", () => {
  it("rasterises a chart once per SVG and width, and again for another width", async () => {
    const figure = sample.sections.flatMap((section) => section.blocks ?? []).find((block) => block.type === "figure");
    if (figure?.type !== "figure") throw new Error("the sample has figures");
    const first = svgToPngCached(figure.svg, 400);
    expect(svgToPngCached(figure.svg, 400)).toBe(first);
    const other = svgToPngCached(figure.svg, 200);
    expect(other).not.toBe(first);
    expect((await first).subarray(1, 4).toString("latin1")).toBe("PNG");
    expect((await other).byteLength).toBeLessThan((await first).byteLength);
  });
});

afterAll(() => closeDocumentWorker());

/** This process's Chromium browsers (each renderer's worker launches one); pgrep fails when there are none. */
function browsers(): Set<string> {
  try {
    return new Set(
      execFileSync("pgrep", ["-P", String(process.pid), "chromium"], { encoding: "utf8" })
        .split(/\s+/)
        .filter(Boolean),
    );
  } catch {
    return new Set<string>();
  }
}
/** Before this file's renderer launched its own. */
const browsersBefore = browsers();
const pdfRenderer = createPdfRenderer({ concurrency: 2, timeoutMs: 60_000 });
afterAll(() => pdfRenderer.close());

const hasChromium = chromiumAvailable();
if (!hasChromium)
  console.warn("Skipping the PDF renderer test: /usr/bin/chromium is not installed (apt-get install chromium).");

describe.skipIf(!hasChromium)("PDF renderer", () => {
  it("prints the standalone HTML to a tagged A4 PDF with pages", async () => {
    const [pdf, second] = await Promise.all([
      pdfRenderer.renderDocument(sample),
      pdfRenderer.renderDocument(buildSampleDocument({ charts: 1, actions: 2 })),
    ]);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdf.toString("latin1");
    const pages = Number(text.match(/\/Type\s*\/Pages\b[^>]*?\/Count (\d+)/)?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain("/StructTreeRoot");
    expect(text).toContain("/Outlines");
    expect(text).toMatch(/\/MediaBox \[0 0 59[45][.\d]* 84[12][.\d]*\]/);
    expect(second.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("relaunches its browser after a crash", async () => {
    const launched = [...browsers()].filter((pid) => !browsersBefore.has(pid));
    expect(launched).toHaveLength(1);
    process.kill(Number(launched[0]), "SIGKILL");
    const again = await pdfRenderer.renderHtml("<h1>Two</h1>", { title: "Two" });
    expect(again.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("gives up with a clear error after its timeout", async () => {
    const impatient = createPdfRenderer({ timeoutMs: 1 });
    try {
      await expect(impatient.renderHtml("<p>x</p>")).rejects.toThrow(/PDF rendering took longer than 1 ms/);
    } finally {
      await impatient.close();
    }
  });
});
