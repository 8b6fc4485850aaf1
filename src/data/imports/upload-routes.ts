import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import type { Importer } from "./importer.ts";
import { importers } from "./registry.ts";
import { importedSummary } from "./imported-summary.ts";
import { recogniseFile, unrecognisedText } from "./detect.ts";
import { registerMappingRoutes } from "./mapping-routes.ts";
import { askedAnswers, previewModel, VIEW_PREVIEW } from "./preview-model.ts";
import { ImportRejected } from "./report.ts";
import { runImport } from "./run-import.ts";
import { startImportJob } from "./job-runner.ts";
import { recentImports } from "./job-service.ts";
import { importPaths } from "./paths.ts";
import { MAX_IMPORT_BYTES, sizeLimitText, sourceFromBytes } from "./source-file.ts";
import { dropPending, loadPending, savePending, updatePendingOptions } from "./upload-store.ts";
import { optionalReleaseTime } from "../indicators/index.ts";
import { mayMoveRelease } from "./release-routes.ts";

const VIEW_FORM = "imports/views/import-form.njk";
/** How long "Confirm import" waits for the job before showing its progress page. */
const SHORT_IMPORT_MS = 1_000;

function settledWithin(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const wait = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, wait]).finally(() => clearTimeout(timer));
}

/** The kind choice that asks the service to work the kind out from the file (detect.ts). */
const DETECT = "detect";

/** Kinds this person may load: partnership data and official statistics for editors; geography for administrators only. */
function kindsFor(actor: Actor): Importer[] {
  return [...importers.values()].filter((importer) => importer.scope !== "national" || actor.isPlatformAdmin);
}

const uploadFields = z.object({
  kind: z.string().min(1, "Choose what kind of file this is"),
  indicator: z.string().trim().default(""),
  title: z.string().trim().default(""),
  period: z.string().trim().default(""),
  name: z.string().trim().default(""),
  /** Comparison groups: what kind of list the file is (a CIPFA list says so on the group's page). */
  groupKind: z.enum(["user", "cipfa", "statistical", "geographic"]).catch("user").default("user"),
});

function formView(
  partnership: { id: string; name: string },
  actor: Actor,
  values: Record<string, unknown>,
  errors: { field: string; message: string }[],
  imported?: Awaited<ReturnType<typeof importedSummary>>,
) {
  return {
    title: "Import data",
    partnership,
    kindItems: [
      {
        value: DETECT,
        text: "Work it out from the file",
        hint: { text: "From its column headings: official files are recognised as downloaded" },
        checked: !values.kind || values.kind === DETECT,
      },
      { divider: "or choose" },
      ...kindsFor(actor).map((k) => ({ value: k.kind, text: k.label, checked: values.kind === k.kind })),
    ],
    values,
    errors,
    imported,
  };
}

/** Multipart fields arrive as { value } objects; files as parts with toBuffer(). */
function fieldValue(body: Record<string, unknown>, name: string): string | undefined {
  const field = body[name] as { value?: unknown; type?: string } | undefined;
  return field && field.type === "field" && typeof field.value === "string" ? field.value : undefined;
}

function optionsFrom(kind: string, fields: z.infer<typeof uploadFields>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (fields.indicator) options.indicator = fields.indicator;
  if (fields.title) options.title = fields.title;
  if (fields.period) options.period = fields.period;
  if (fields.name) options.name = fields.name;
  // The group is about this partnership's own area; its kind is the uploader's word for the list.
  if (kind === "comparison-group") options.kind = fields.groupKind;
  return options;
}

/** The release time fields' values when this person may hold the import back (mayMoveRelease), else null. */
function releaseFields(
  actor: Actor,
  partnershipId: string,
  importer: Importer,
  typed = { releaseDate: "", releaseTime: "" },
): { releaseDate: string; releaseTime: string } | null {
  return mayMoveRelease(actor, { partnershipId, kind: importer.kind }) ? typed : null;
}

export function registerUploadRoutes(app: FastifyInstance, context: AppContext): void {
  const { db, config } = context;
  // Every route here needs the partnership's edit right (the pipeline loads and authorizes it).
  const edit = { partnership: "partnership:edit" } as const;
  const load = (request: FastifyRequest) => ({ partnership: request.partnership, actor: request.actor! });
  const preview = previewModel;

  app.get(importPaths.upload.pattern, needs(importPaths.upload, edit), async (request, reply) => {
    const { partnership, actor } = load(request);
    const { imported } = z
      .object({ imported: z.coerce.number().int().positive().max(2_147_483_647).optional() })
      .catch({})
      .parse(request.query);
    return reply.view(VIEW_FORM, {
      ...formView(
        partnership,
        actor,
        {},
        [],
        imported ? await importedSummary(db, partnership.id, imported) : undefined,
      ),
      recentImports: await recentImports(db, partnership.id, actor.userId),
    });
  });

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: true,
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20 },
    });
    scope.post(
      importPaths.upload.pattern,
      { ...needs(importPaths.upload, edit), config: { uploadLimit: sizeLimitText(MAX_IMPORT_BYTES) } },
      async (request, reply) => {
        const { partnership, actor } = load(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const raw = Object.fromEntries(
          ["kind", "indicator", "title", "period", "name", "groupKind"].map((k) => [k, fieldValue(body, k)]),
        );
        const fields = uploadFields.safeParse(raw);
        const detect = fields.success && fields.data.kind === DETECT;
        let importer = fields.success ? kindsFor(actor).find((i) => i.kind === fields.data.kind) : undefined;
        const file = body.file as { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> } | undefined;
        const errors: { field: string; message: string }[] = [];
        if (!importer && !detect) errors.push({ field: "kind", message: "Choose what kind of file this is" });
        const bytes = file?.type === "file" && file.toBuffer ? await file.toBuffer() : undefined;
        if (!bytes || bytes.length === 0 || !file?.filename)
          errors.push({ field: "file", message: "Choose a file to upload" });
        const refuse = (field: string, message: string) =>
          reply.code(400).view(VIEW_FORM, formView(partnership, actor, raw, [{ field, message }]));
        if (errors.length > 0 || (!importer && !detect) || !bytes || !fields.success) {
          return reply.code(400).view(VIEW_FORM, formView(partnership, actor, raw, errors));
        }
        const fileName = file!.filename!.replace(/[^\w .()-]/g, "_").slice(0, 200);
        let source: ReturnType<typeof sourceFromBytes>;
        try {
          source = sourceFromBytes(fileName, bytes);
        } catch (error) {
          if (!(error instanceof ImportRejected)) throw error;
          return refuse("file", error.message);
        }
        let recognisedAs: string | undefined;
        if (!importer) {
          // Recognised among every kind, so a geography file is named as such, not taken for a table to map.
          const [found] = await recogniseFile(source);
          if (!found)
            return refuse(
              "kind",
              `The kind of ${fileName} could not be worked out: it is ${await unrecognisedText(source)}. Choose what kind of file it is`,
            );
          if (!kindsFor(actor).includes(found.importer))
            return refuse(
              "kind",
              `${fileName} looks like a ${found.importer.label.replace(/ \(.*$/, "")} (${found.reason}). Geography files are loaded by a service administrator for every partnership: ask one to load it`,
            );
          importer = found.importer;
          recognisedAs = found.reason;
        }
        const options = optionsFrom(importer.kind, fields.data);
        const token = await savePending(
          config.dataDir,
          { partnershipId: partnership.id, userId: actor.userId, kind: importer.kind, fileName, options, recognisedAs },
          bytes,
        );
        // A wide file needs its columns mapped before it can be checked.
        if (importer.kind === "wide") return reply.redirect(importPaths.mapping(partnership.id, token), 303);
        const report = await runImport(db, {
          importer,
          file: source,
          options,
          dryRun: true,
          audit: request.auditContext(),
          partnershipId: partnership.id,
          mayChangeNational: actor.isPlatformAdmin,
          recognisedAs,
        });
        return reply
          .code(report.ok ? 200 : 400)
          .view(
            VIEW_PREVIEW,
            preview(
              report,
              partnership,
              token,
              [],
              importer.scope,
              releaseFields(actor, partnership.id, importer),
              options,
            ),
          );
      },
    );
  });

  /** Confirm (or re-check with resolved names): imports only when the report is clean. */
  app.post(importPaths.pending.pattern, needs(importPaths.pending, edit), async (request, reply) => {
    const { partnership, actor } = load(request);
    const { token } = request.params;
    const pending = await loadPending(config.dataDir, token, { userId: actor.userId, partnershipId: partnership.id });
    if (!pending) throw AppError.notFound("That upload has expired or does not exist; upload the file again");
    const importer = kindsFor(actor).find((i) => i.kind === pending.meta.kind);
    if (!importer) throw AppError.forbidden();
    const form = z
      .object({
        aliasName: z.union([z.string(), z.array(z.string())]).optional(),
        aliasCode: z.union([z.string(), z.array(z.string())]).optional(),
        action: z.string().optional(),
        releaseDate: z.string().max(40).optional(),
        releaseTime: z.string().max(40).optional(),
      })
      .catch({})
      .parse(request.body);
    const names = [form.aliasName ?? []].flat();
    const codes = [form.aliasCode ?? []].flat();
    const aliases = { ...((pending.meta.options.aliases as Record<string, string>) ?? {}) };
    const errors: { field: string; message: string }[] = [];
    names.forEach((name, i) => {
      const code = (codes[i] ?? "").trim().toUpperCase();
      if (code === "") return;
      if (!/^[EKNSW]\d{8}$/.test(code))
        errors.push({ field: `alias-${i}`, message: `Enter a GSS code like E06000005 for "${name}"` });
      else aliases[name] = code;
    });
    // The release time, checked on every post so a mistake shows before the import is confirmed.
    const typed = { releaseDate: form.releaseDate ?? "", releaseTime: form.releaseTime ?? "" };
    const release = releaseFields(actor, partnership.id, importer, typed);
    let embargoUntil: Date | null = null;
    if (release) {
      const parsed = optionalReleaseTime(() => new Date()).safeParse(typed);
      if (parsed.success) embargoUntil = parsed.data.until;
      else
        for (const issue of parsed.error.issues)
          errors.push({ field: String(issue.path[0] ?? "releaseDate"), message: issue.message });
    } else if (typed.releaseDate.trim() || typed.releaseTime.trim())
      errors.push({
        field: "releaseDate",
        message: "Only a service administrator sets the release time of national data; leave it empty",
      });
    const meta = {
      ...pending.meta,
      options: { ...pending.meta.options, ...askedAnswers(importer, request.body), aliases },
    };
    await updatePendingOptions(config.dataDir, token, meta);
    const source = sourceFromBytes(meta.fileName, pending.bytes);
    const confirm = form.action === "confirm" && errors.length === 0;
    const importRequest = {
      importer,
      file: source,
      options: meta.options,
      dryRun: !confirm,
      audit: request.auditContext(),
      partnershipId: partnership.id,
      mayChangeNational: actor.isPlatformAdmin,
      recognisedAs: meta.recognisedAs,
      embargoUntil,
    };
    if (confirm) {
      // The import runs as a job on this node (the file is on its disk); its page shows progress
      // and then the result. A short one is usually over within the second waited here.
      const { jobId, finished } = await startImportJob(
        db,
        { partnershipId: partnership.id, userId: actor.userId, token, request: importRequest },
        { log: app.log, whenDone: () => dropPending(config.dataDir, token) },
      );
      await settledWithin(finished, SHORT_IMPORT_MS);
      return reply.redirect(importPaths.job(partnership.id, jobId), 303);
    }
    const report = await runImport(db, importRequest);
    return reply
      .code(report.ok && errors.length === 0 ? 200 : 400)
      .view(VIEW_PREVIEW, preview(report, partnership, token, errors, importer.scope, release, meta.options));
  });
  registerMappingRoutes(app, context);
}
