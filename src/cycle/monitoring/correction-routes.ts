import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { londonToday } from "../../kernel/time.ts";
import { actionPaths, updatableAction } from "../actions/index.ts";
import { monitoringPaths as paths } from "./paths.ts";
import { selectablePeriods } from "./periods.ts";
import { findUpdate } from "./repository.ts";
import { updateForm } from "./schemas.ts";
import { updateFields } from "./update-fields.ts";
import { correctUpdate, withdrawUpdate } from "./update-service.ts";

const correctionForm = updateForm;

/** Correcting a progress update (earlier text kept) and withdrawing one (confirmed first). */
export function registerCorrectionRoutes(app: FastifyInstance, db: Db): void {
  // The action the actor may report on (403 otherwise); another action's or partnership's is a 404.
  const updatable = updatableAction(db);
  const read = { record: updatable };
  const updateFor = async (ctx: { request: FastifyRequest; params: { updateId: string } }) => {
    const action = updatable.of(ctx.request);
    const update = await findUpdate(db, action.partnershipId, action.id, ctx.params.updateId);
    return update ? { action, update } : null;
  };
  const actionPage = (ctx: { partnership: { id: string }; params: { actionId: string } }) =>
    actionPaths.action(ctx.partnership.id, ctx.params.actionId);

  formRoute(app, {
    path: paths.editUpdate,
    needs: read,
    load: async (ctx) => {
      const found = await updateFor(ctx);
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
      const found = await updateFor(ctx);
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
