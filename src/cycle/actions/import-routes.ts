import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { fileSlug } from "../../kernel/http/download.ts";
import { sendXlsx } from "../../kernel/http/xlsx.ts";
import { ImportRejected, sizeLimitText } from "../../data/imports/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { actionPaths } from "./paths.ts";
import type { ActionRouteDeps } from "./action-queries.ts";
import { loadPlan } from "./action-queries.ts";
import { exportHeaders, exportRows } from "./export.ts";
import { guessMapping, importFields } from "./import-fields.ts";
import { IMPORT_LIMITS, parseUpload } from "./import-parse.ts";
import {
  checkImport,
  confirmImport,
  pendingImport,
  PlanHasErrors,
  saveMapping,
  storeUpload,
} from "./import-service.ts";
import type { ImportError } from "./import-validate.ts";
import type { ImportRow } from "./repository.ts";

const subnav = (partnership: PartnershipRow) => ({
  partnershipId: partnership.id,
  partnershipName: partnership.name,
  nation: partnership.nation,
  current: "actions",
});

export function registerImportRoutes(app: FastifyInstance, { db }: AppContext, deps: ActionRouteDeps): void {
  // The routes' needs (partnership:manage) loaded the partnership; the upload is the person's own.
  const manage = { partnership: "partnership:manage" } as const;
  async function load(request: ParsedRequest<{ importId: string }>) {
    const partnership = request.partnership;
    const { importId } = request.params;
    const id = partnership.id;
    const upload = await pendingImport(db, id, importId, request.actor!.userId);
    return { partnership, upload };
  }

  function mappingPage(
    reply: FastifyReply,
    partnership: PartnershipRow,
    upload: ImportRow,
    mapping: Record<string, number>,
    errors?: { field: string; message: string }[],
  ) {
    const columns = upload.headers.map((header, index) => ({ value: String(index), text: header }));
    return reply.code(errors?.length ? 400 : 200).view("actions/views/import-mapping.njk", {
      title: "Match the columns",
      partnership,
      upload,
      preview: upload.rows.slice(0, 5),
      fields: importFields.map((field) => ({
        ...field,
        items: [{ value: "", text: "Not in the file" }, ...columns].map((item) => ({
          ...item,
          selected: item.value === String(mapping[field.key] ?? ""),
        })),
        error: errors?.find((error) => error.field === `map-${field.key}`),
      })),
      errors,
      subnav: subnav(partnership),
    });
  }

  function checkPage(
    reply: FastifyReply,
    partnership: PartnershipRow,
    upload: ImportRow,
    result: { errors: ImportError[]; drafts: unknown[] },
    status = 200,
  ) {
    return reply.code(status).view("actions/views/import-check.njk", {
      title: result.errors.length ? "The action plan has errors" : "Check and import",
      partnership,
      upload,
      importErrors: result.errors,
      drafts: result.drafts,
      subnav: subnav(partnership),
    });
  }

  app.get(actionPaths.importPlan.pattern, needs(actionPaths.importPlan, manage), async (request, reply) => {
    const partnership = request.partnership;
    return reply.view("actions/views/import-upload.njk", {
      title: "Import an action plan",
      partnership,
      fields: importFields,
      subnav: subnav(partnership),
    });
  });

  // Multipart only here, with the CSRF token read from the fields (attachFieldsToBody).
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: true,
      limits: { fileSize: IMPORT_LIMITS.bytes, files: 1, fields: 5, parts: 6 },
    });
    const uploadLimit = sizeLimitText(IMPORT_LIMITS.bytes);
    const upload = actionPaths.importPlan;
    scope.post(upload.pattern, { ...needs(upload, manage), config: { uploadLimit } }, async (request, reply) => {
      const partnership = request.partnership;
      const id = partnership.id;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const file = body.file as MultipartFile | undefined;
      const fail = (message: string) =>
        reply.code(400).view("actions/views/import-upload.njk", {
          title: "Import an action plan",
          partnership,
          fields: importFields,
          errors: [{ field: "file", message }],
          subnav: subnav(partnership),
        });
      if (!file || typeof file !== "object" || !("toBuffer" in file) || !file.filename)
        return fail("Select a CSV or Excel file");
      // Over the limit, multipart stops reading and the kernel answers 413, "larger than the 5 MB limit",
      // as for every upload.
      const buffer = await file.toBuffer();
      try {
        const sheet = await parseUpload(file.filename, buffer);
        const upload = await storeUpload(db, id, request.actor!.userId, file.filename, sheet);
        return reply.redirect(actionPaths.importUpload(id, upload.id), 303);
      } catch (error) {
        if (error instanceof ImportRejected) return fail(error.message);
        throw error;
      }
    });
  });

  app.get(actionPaths.importUpload.pattern, needs(actionPaths.importUpload, manage), async (request, reply) => {
    const { partnership, upload } = await load(request);
    return mappingPage(reply, partnership, upload, upload.mapping ?? guessMapping(upload.headers));
  });

  app.post(actionPaths.importUpload.pattern, needs(actionPaths.importUpload, manage), async (request, reply) => {
    const { partnership, upload } = await load(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const mapping: Record<string, number> = {};
    const errors: { field: string; message: string }[] = [];
    const usedBy = new Map<number, string>();
    for (const field of importFields) {
      const raw = body[`map-${field.key}`];
      const index = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : null;
      if (index === null || index >= upload.headers.length) {
        if (field.required)
          errors.push({
            field: `map-${field.key}`,
            message: `Select the column that holds the ${field.label.toLowerCase()}`,
          });
        continue;
      }
      if (usedBy.has(index)) {
        errors.push({
          field: `map-${field.key}`,
          message: `Column “${upload.headers[index]}” is already used for ${usedBy.get(index)}`,
        });
        continue;
      }
      usedBy.set(index, field.label.toLowerCase());
      mapping[field.key] = index;
    }
    if (errors.length) return mappingPage(reply, partnership, upload, mapping, errors);
    await saveMapping(db, partnership.id, upload.id, mapping);
    return reply.redirect(actionPaths.importCheck(partnership.id, upload.id), 303);
  });

  app.get(actionPaths.importCheck.pattern, needs(actionPaths.importCheck, manage), async (request, reply) => {
    const { partnership, upload } = await load(request);
    if (!upload.mapping) return reply.redirect(actionPaths.importUpload(partnership.id, upload.id), 303);
    return checkPage(reply, partnership, upload, await checkImport(db, partnership, upload));
  });

  app.post(actionPaths.importConfirm.pattern, needs(actionPaths.importConfirm, manage), async (request, reply) => {
    const { partnership, upload } = await load(request);
    if (!upload.mapping) return reply.redirect(actionPaths.importUpload(partnership.id, upload.id), 303);
    try {
      const count = await confirmImport(db, request.auditContext(), partnership, upload);
      return reply.flash(`${count} actions imported`).redirect(actionPaths.list(partnership.id), 303);
    } catch (error) {
      if (error instanceof PlanHasErrors)
        return checkPage(reply, partnership, upload, { errors: error.errors, drafts: [] }, 400);
      throw error;
    }
  });

  for (const format of ["csv", "xlsx"] as const) {
    const download = format === "csv" ? actionPaths.exportCsv : actionPaths.exportXlsx;
    app.get(download.pattern, needs(download, { partnership: "partnership:read" }), async (request, reply) => {
      const partnership = request.partnership;
      const id = partnership.id;
      const [plan, latest] = await Promise.all([loadPlan(db, id), deps.latestUpdates(db, id)]);
      const rows = exportRows(plan.items, latest);
      const name = `action-plan-${fileSlug(partnership.name)}.${format}`;
      if (format === "csv") return sendCsv(reply, name, exportHeaders, rows);
      return sendXlsx(reply, name, {
        name: "Action plan",
        title: `Action plan – ${partnership.name}`,
        header: exportHeaders,
        rows,
        width: (index) => ([1, 2, 3].includes(index) ? 40 : 18),
      });
    });
  }
}
