import { parse } from "content-disposition";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { contentDisposition, type Download, fileSlug, PUBLIC, safeFileName, sendDownload } from "./download.ts";

describe("file names", () => {
  it("writes plain ASCII names as they are", () => {
    expect(contentDisposition("agenda pack.pdf")).toBe('attachment; filename="agenda pack.pdf"');
    // A name that is an HTTP token needs no quotes (RFC 6266); the package leaves them off.
    expect(contentDisposition("report.html", "inline")).toBe("inline; filename=report.html");
  });

  it("gives any other name an ASCII fallback and the exact UTF-8 name", () => {
    const header = contentDisposition("Adroddiad blynyddol – Caerdydd café.docx");
    expect(header).toBe(
      `attachment; filename="Adroddiad blynyddol _ Caerdydd cafe.docx"; filename*=UTF-8''Adroddiad%20blynyddol%20%E2%80%93%20Caerdydd%20caf%C3%A9.docx`,
    );
    expect(parse(header).parameters.filename).toBe("Adroddiad blynyddol – Caerdydd café.docx");
  });

  it("never lets a name carry a path, a header break or a character Windows refuses", () => {
    expect(safeFileName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeFileName('a"b\\c:d*e?f<g>h|i.csv')).toBe("a_b_c_d_e_f_g_h_i.csv");
    expect(safeFileName("evil\r\nSet-Cookie: x.pdf")).toBe("evilSet-Cookie_ x.pdf");
    expect(safeFileName("  ...  ")).toBe("download");
    const header = contentDisposition("line\nbreak.txt");
    expect(header).not.toMatch(/[\r\n]/);
  });

  it("keeps the extension when cutting a long name", () => {
    const long = safeFileName(`${"x".repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".xlsx")).toBe(true);
  });

  it("makes file names from titles", () => {
    expect(fileSlug("Needs assessment: Ynys Môn 2025/26")).toBe("needs-assessment-ynys-mon-2025-26");
    expect(fileSlug("——")).toBe("download");
  });
});

describe("sendDownload", () => {
  async function send(download: Download) {
    const app = Fastify();
    app.get("/", (_request, reply) => sendDownload(reply, download));
    const response = await app.inject({ method: "GET", url: "/" });
    await app.close();
    return response;
  }

  it("sends files we write as attachments, private unless said", async () => {
    const response = await send({ fileName: "budgets.csv", type: "csv", body: "a,b\r\n" });
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe("attachment; filename=budgets.csv");
    expect(response.headers["cache-control"]).toBe("private, no-store");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body).toBe("a,b\r\n");
  });

  it("opens the HTML version of a document in the browser", async () => {
    const response = await send({ fileName: "report.html", type: "html", body: "<p>x</p>", cache: PUBLIC });
    expect(response.headers["content-disposition"]).toBe("inline; filename=report.html");
    expect(response.headers["cache-control"]).toBe("public, max-age=300");
  });

  it("never shows an uploaded file inline, whatever its type", async () => {
    const response = await send({ fileName: "paper.html", type: { upload: "text/html" }, body: "<script>" });
    expect(response.headers["content-disposition"]).toBe("attachment; filename=paper.html");
    expect(response.headers["content-type"]).toBe("text/html");
  });
});
