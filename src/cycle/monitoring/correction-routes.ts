import type { FastifyInstance } from "fastify";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { londonToday } from "../../kernel/time.ts";
import { actionFor } from "../actions/index.ts";
import { monitoringPaths as paths } from "./paths.ts";
import { selectablePeriods } from "./periods.ts";
import { findUpdate } from "./repository.ts";
import { updateForm } from "./schemas.ts";
import { updateFields } from "./update-fields.ts";
import { correctUpdate, withdrawUpdate } from "./update-service.ts";

const read = { partnership: "partnership:read" } as const;
const correctionForm = updateForm;

/** The update of an action the actor may report on (403 otherwise); another action's or partnership's is a 404. */
async function updateFor(
  db: Db,
  ctx: { request: { actor: Parameters<typeof actionFor>[1] }; partnership: PartnershipRow },
  params: { actionId: string; updateId: string },
) {
  const { action } = await actionFor(db, ctx.request.actor, ctx.partnership, params.actionId, "update");
  const update = await findUpdate(db, ctx.partnership.id, action.id, params.updateId);
  return update ? { action, update } : null;
}

/** Correcting a progress update (earlier text kept) and withdrawing one (confirmed first). */
export function registerCorrectionRoutes(app: FastifyInstance, db: Db): void {
  const actionPage = (ctx: { partnership: { id: string }; params: { actionId: string } }) =>
    `/partnerships/${ctx.partnership.id}/actions/${ctx.params.actionId}`;

  formRoute(app, {
    path: paths.editUpdate,
    needs: read,
    load: async (ctx) => {
      const found = await updateFor(db, ctx, ctx.params);
      if (found?.update.withdrawnAt)
        throw new AppError(
          "CONFLICT",
          "This update has been withdrawn, so it can no longer be corrected. Report a new update instead.",
        );
      return found;
    },
    title: (ctx) => `Correct the ${ctx.record.update.period} update on “${ctx.record.action.title}”`,
    intro: "The text you replace is kept and shown on the action page as the previous version.",
    submitText: "Save correction",
    fields: (ctx) => {
      const periods = selectablePeriods(londonToday());
      return updateFields(
        periods.includes(ctx.record.update.period) ? periods : [ctx.record.update.period, ...periods],
      );
    },
    initial: ({ record: { update } }) => ({
      period: update.period,
      status: update.status,
      reason: update.reason,
      percentComplete: String(update.percentComplete),
      narrative: update.narrative,
      spendToDatePence:
        update.spendToDatePence === null ? "" : formatPounds(Number(update.spendToDatePence), { symbol: false }),
      peopleReached: update.peopleReached === null ? "" : String(update.peopleReached),
      familiesReached: update.familiesReached === null ? "" : String(update.familiesReached),
      evidenceUrls: update.evidenceUrls.join("\n"),
    }),
    schema: correctionForm,
    save: async (ctx, { milestoneIds: _ignored, ...data }) => {
      await correctUpdate(db, ctx.audit, ctx.partnership.id, ctx.record.action.id, ctx.record.update.id, data);
      return actionPage(ctx);
    },
    back: actionPage,
    flash: "The update has been corrected; its previous text is kept",
  });

  deleteRoute(app, {
    path: paths.withdrawUpdate,
    needs: read,
    load: async (ctx) => {
      const found = await updateFor(db, ctx, ctx.params);
      return found && !found.update.withdrawnAt ? found : null;
    },
    question: (ctx) =>
      `Are you sure you want to withdraw the ${ctx.record.update.period} update on “${ctx.record.action.title}”?`,
    consequences: (ctx) => [
      `it stops counting as the action's progress for ${ctx.record.update.period}: the dashboard, the latest status and reports drafted from now on leave it out`,
      "it stays in the action's history, marked as withdrawn",
    ],
    consequencesIntro: "If you withdraw it:",
    warning: "A withdrawn update cannot be restored or corrected.",
    confirmText: "Yes, withdraw it",
    remove: (ctx) => withdrawUpdate(db, ctx.audit, ctx.partnership.id, ctx.record.action.id, ctx.record.update.id),
    done: actionPage,
    flash: "The update has been withdrawn",
  });
}
