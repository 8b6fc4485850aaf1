import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { listIndicators, units } from "../indicators/index.ts";
import { needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { importPaths } from "./paths.ts";
import { CsvTable } from "./csv-table.ts";
import { previewModel, VIEW_PREVIEW } from "./preview-model.ts";
import { importerFor } from "./registry.ts";
import { ImportRejected } from "./report.ts";
import { runImport } from "./run-import.ts";
import { sourceFromBytes } from "./source-file.ts";
import { readTable } from "./spreadsheet.ts";
import { loadPending, updatePendingOptions } from "./upload-store.ts";
import { type FieldError, type MappingValues, mappingFrom, mappingValues } from "./wide-mapping.ts";
import { submittedValues } from "../../kernel/http/forms.ts";

const VIEW_MAPPING = "imports/views/import-mapping.njk";
const PREVIEW_ROWS = 5;

/**
 * The column-mapping step of a wide CSV/XLSX upload: GET shows the columns with the first rows
 * and a choice per column; POST checks the choices, then runs the importer as a dry run and
 * shows the usual validation report, whose "Confirm import" writes everything in one transaction.
 */
/** A wide file is the partnership's own data: its editors may hold it back until a release time. */
const NO_RELEASE_TIME = { releaseDate: "", releaseTime: "" };

export function registerMappingRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const load = async (request: ParsedRequest<{ token: string }>) => {
    // The pipeline (needs) has parsed :id and :token and authorized the partnership.
    const { token } = request.params;
    const partnership = request.partnership;
    const actor = request.actor!;
    const pending = await loadPending(config.dataDir, token, {
      userId: actor.userId,
      partnershipId: partnership.id,
    });
    if (pending?.meta.kind !== "wide")
      throw AppError.notFound("That upload has expired or does not exist; upload the file again");
    const source = sourceFromBytes(pending.meta.fileName, pending.bytes);
    let table: CsvTable;
    try {
      table = new CsvTable(await readTable(source));
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      throw AppError.validation([{ field: "file", message: error.message }]);
    }
    const own = (await listIndicators(db, partnership.id)).filter((row) => row.partnershipId === partnership.id);
    return { partnership, token, pending, source, table, own };
  };

  const view = (loaded: Awaited<ReturnType<typeof load>>, values: MappingValues, errors: FieldError[]) => ({
    title: "Choose what each column holds",
    partnership: loaded.partnership,
    fileName: loaded.pending.meta.fileName,
    action: importPaths.mapping(loaded.partnership.id, loaded.token),
    codeItems: loaded.table.header.map((h) => ({
      value: h,
      text: h || "(no heading)",
      selected: h === values.codeColumn,
    })),
    periodColumnItems: [
      { value: "", text: "None: every row is for the same period" },
      ...loaded.table.header.map((h) => ({ value: h, text: h || "(no heading)" })),
    ].map((item) => ({
      ...item,
      selected: item.value === values.periodColumn,
    })),
    columns: values.columns.map((c) => ({
      ...c,
      samples: loaded.table.rows
        .slice(0, 3)
        .map((row) => row.cells[c.index] ?? "")
        .join(", "),
      useItems: [
        { value: "", text: "Do not import" },
        { value: "new", text: "A new indicator" },
        ...loaded.own.map((row) => ({ value: `indicator:${row.slug}`, text: `${row.title} (${row.slug})` })),
      ].map((item) => ({ ...item, selected: item.value === c.use })),
      numeratorItems: [
        { value: "", text: "None" },
        ...loaded.table.header.map((h) => ({ value: h, text: h || "(no heading)" })),
      ].map((item) => ({ ...item, selected: item.value === c.numerator })),
      denominatorItems: [
        { value: "", text: "None" },
        ...loaded.table.header.map((h) => ({ value: h, text: h || "(no heading)" })),
      ].map((item) => ({ ...item, selected: item.value === c.denominator })),
      unitItems: [{ value: "", text: "Choose the unit" }, ...units.map((u) => ({ value: u, text: u }))].map((item) => ({
        ...item,
        selected: item.value === c.unit,
      })),
    })),
    values,
    preview: { columns: loaded.table.header, rows: loaded.table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells) },
    rowCount: loaded.table.rows.length,
    errors,
  });

  const edit = needs(importPaths.mapping, { partnership: "partnership:edit" });
  app.get(importPaths.mapping.pattern, edit, async (request, reply) => {
    const loaded = await load(request);
    const saved = loaded.pending.meta.options.mappingForm;
    return reply.view(VIEW_MAPPING, view(loaded, mappingValues(loaded.table.header, saved ?? {}), []));
  });

  app.post(importPaths.mapping.pattern, edit, async (request, reply) => {
    const loaded = await load(request);
    const values = mappingValues(loaded.table.header, request.body);
    const { mapping, errors } = mappingFrom(loaded.table.header, values, loaded.own);
    if (!mapping) return reply.code(400).view(VIEW_MAPPING, view(loaded, values, errors));
    // The form is kept too, so "Change the column mapping" shows the choices made.
    const mappingForm = submittedValues(request.body);
    const meta = { ...loaded.pending.meta, options: { mapping, mappingForm } };
    await updatePendingOptions(config.dataDir, loaded.token, meta);
    const report = await runImport(db, {
      importer: importerFor("wide")!,
      file: loaded.source,
      options: meta.options,
      dryRun: true,
      audit: request.auditContext(),
      partnershipId: loaded.partnership.id,
    });
    return reply
      .code(report.ok ? 200 : 400)
      .view(VIEW_PREVIEW, previewModel(report, loaded.partnership, loaded.token, [], "partnership", NO_RELEASE_TIME));
  });
}
