/**
 * Scheduled releases: the imports still under embargo, seen from where imports are done (the
 * same authorization as the import page, partnership:edit), each with its indicators, how many
 * areas and periods it holds, its release time in UK time and who imported it; and a form to
 * bring a release forward or push it back (audited by changeEmbargo). A release of national data
 * (a national kind, or one loaded with no partnership from the command line) is moved only by
 * platform administrators, who load it, and one loaded with no partnership is listed only for
 * them; a partnership's editors move the other imports made through their partnership.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import { formRoute, requiredDate } from "../../kernel/forms/index.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { formatDateTime } from "../../kernel/time.ts";
import {
  changeEmbargo,
  embargoedBatches,
  findBatchOf,
  findIndicator,
  type ImportBatchRow,
  releaseInstant,
  releaseTimeFields,
  releaseTimeValues,
} from "../indicators/index.ts";
import { importPaths } from "./paths.ts";
import { importerFor } from "./registry.ts";

/** Whether the actor may move this batch's release: national data is the administrators'. */
export function mayMoveRelease(actor: Actor, batch: Pick<ImportBatchRow, "partnershipId" | "kind">): boolean {
  if (actor.isPlatformAdmin) return true;
  return batch.partnershipId !== null && importerFor(batch.kind)?.scope !== "national";
}

/** A new release time: a real UK date and time, still to come when the form is read. */
export function releaseTimeSchema(now: () => Date = () => new Date()) {
  return z
    .object({ releaseDate: requiredDate("release date"), releaseTime: z.string().trim().default("") })
    .transform((form, ctx) => {
      const until = releaseInstant(form.releaseDate, form.releaseTime, ctx);
      if (!until) return z.NEVER;
      if (until.getTime() <= now().getTime()) {
        ctx.addIssue({
          code: "custom",
          path: ["releaseDate"],
          message: "The release date and time must be in the future",
        });
        return z.NEVER;
      }
      return { until };
    });
}

const isReleased = (batch: ImportBatchRow) => !batch.embargoUntil || batch.embargoUntil.getTime() <= Date.now();
const releasedOn = (batch: ImportBatchRow) => (batch.embargoUntil ? ` on ${formatDateTime(batch.embargoUntil)}` : "");

interface BatchSummary {
  indicators?: unknown;
  periods?: unknown;
  areas?: unknown;
}

async function releaseRow(db: AppContext["db"], batch: ImportBatchRow, partnershipId: string, actor: Actor) {
  const summary = (batch.report ?? {}) as BatchSummary;
  const slugs = Array.isArray(summary.indicators) ? summary.indicators.map(String) : [];
  const titles = [];
  for (const slug of slugs) titles.push((await findIndicator(db, slug))?.title ?? slug);
  return {
    fileName: batch.fileName,
    indicators: titles,
    areas: typeof summary.areas === "number" ? summary.areas : null,
    periods: Array.isArray(summary.periods) ? summary.periods.length : null,
    releaseAt: formatDateTime(batch.embargoUntil),
    importedBy: batch.actorLabel,
    national: batch.partnershipId === null || importerFor(batch.kind)?.scope === "national",
    href: mayMoveRelease(actor, batch) ? importPaths.release(partnershipId, batch.id) : null,
  };
}

export function registerReleaseRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(
    importPaths.releases.pattern,
    needs(importPaths.releases, { partnership: "partnership:edit" }),
    async (request, reply) => {
      const actor = request.actor!;
      const partnership = request.partnership;
      const batches = await embargoedBatches(db, { partnershipId: partnership.id, unowned: actor.isPlatformAdmin });
      const releases = [];
      for (const batch of batches) releases.push(await releaseRow(db, batch, partnership.id, actor));
      return reply.view("imports/views/releases.njk", {
        title: `Scheduled releases – ${partnership.name}`,
        partnership,
        releases,
      });
    },
  );

  formRoute(app, {
    path: importPaths.release,
    needs: { partnership: "partnership:edit" },
    // A batch imported through this partnership (or, for an administrator,
    // loaded with no partnership), that this person may move; anything else is not found. One
    // already released (its time passed, or it was released at once on the data access page)
    // stays found, as a link to it may be older than its release, but is not held back again.
    load: async (ctx) => {
      const actor = ctx.request.actor!;
      const id = ctx.params.batchId;
      const batch =
        (await findBatchOf(db, id, ctx.partnership.id)) ??
        (actor.isPlatformAdmin ? await findBatchOf(db, id, null) : undefined);
      return batch && mayMoveRelease(actor, batch) ? batch : null;
    },
    title: (ctx) =>
      isReleased(ctx.record)
        ? `${ctx.record.fileName} was released${releasedOn(ctx.record)}`
        : `Change the release time of ${ctx.record.fileName}`,
    caption: (ctx) => ctx.partnership.name,
    intro:
      "Before the release time the values of this import are not shown anywhere — pages, reports, exports or the API — and values it revises are shown as they were. They are released at that time without anyone doing anything. Bring the release forward or push it back; the time must be in the future.",
    fields: releaseTimeFields,
    schema: () => releaseTimeSchema(),
    initial: (ctx) => releaseTimeValues(ctx.record.embargoUntil),
    save: async (ctx, data) => {
      if (isReleased(ctx.record))
        throw AppError.validation([
          {
            field: "releaseDate",
            message: `This import was released${releasedOn(ctx.record)}: its values are published and cannot be held back again`,
          },
        ]);
      await changeEmbargo(db, ctx.audit, ctx.record, data.until);
      return importPaths.releases(ctx.partnership.id);
    },
    flash: (ctx) => `The release time of ${ctx.record.fileName} has been changed`,
    back: (ctx) => importPaths.releases(ctx.partnership.id),
  });
}
