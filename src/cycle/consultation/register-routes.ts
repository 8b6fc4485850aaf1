import type { FastifyInstance, FastifyReply } from "fastify";
import { fileUploadScope } from "../../kernel/http/upload-scope.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { fieldErrorsOf } from "../../kernel/http/forms.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendDownload } from "../../kernel/http/download.ts";
import { found, may, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import { actionChoices } from "../actions/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import { activityView, registerView } from "./activity-view.ts";
import { publishFields } from "./coding-forms.ts";
import { activityFields, activityValues, participantFields } from "./forms.ts";
import { consultationPaths as paths } from "./paths.ts";
import { publishYouSaidWeDid, withdrawYouSaidWeDid } from "./publish-service.ts";
import * as repo from "./register-repository.ts";
import { recordParticipants, removeActivity, removeNotes, saveActivity, uploadNotes } from "./register-service.ts";
import { activityForm, participantsForm, publishForm } from "./schemas.ts";
import { reportYearOf } from "./status.ts";
import { findSurveyOf } from "./survey-repository.ts";

const read = { partnership: "partnership:read" } as const;
const edit = { partnership: "partnership:edit" } as const;
const MAX_NOTES_BYTES = 20 * 1024 * 1024;

/** The register of engagement activities, each activity's page, its records and publishing. */
export function registerRegisterRoutes(app: FastifyInstance, { db }: AppContext): void {
  const activityHref = (ctx: { params: { id: string; activityId: string } }) =>
    paths.activity(ctx.params.id, ctx.params.activityId);
  const loadActivity = (ctx: { params: { id: string; activityId: string } }) =>
    repo.findActivity(db, ctx.params.id, ctx.params.activityId);

  app.get(paths.register.pattern, needs(paths.register, read), async (request, reply) => {
    const { partnership } = request;
    return reply.view("consultation/views/register.njk", {
      title: `Consultation and engagement – ${partnership.name}`,
      rows: await registerView(db, partnership.id, londonToday()),
      addHref: paths.add(partnership.id),
      canEdit: may(request, "partnership:edit"),
    });
  });

  async function activityFormFields(partnershipId: string, activityId: string | null) {
    const [members, actions, survey] = await Promise.all([
      listMembers(db, partnershipId),
      actionChoices(db, partnershipId),
      activityId ? findSurveyOf(db, partnershipId, activityId) : Promise.resolve(undefined),
    ]);
    const current = reportYearOf(londonToday());
    const start = Number(current.slice(0, 4));
    const reportYears = [-2, -1, 0, 1].map((offset) => reportYearOf(`${start + offset}-06-01`));
    return activityFields(members, actions, { hasSurvey: !!survey, reportYears });
  }

  formRoute(app, {
    path: paths.add,
    needs: edit,
    title: "Add an engagement activity",
    intro:
      "A consultation, survey, focus group, school session or other way children, young people and families give their views.",
    fields: (ctx) => activityFormFields(ctx.partnership.id, null),
    schema: activityForm,
    initial: () => ({ status: "planned" }),
    save: async (ctx, data) => {
      const row = await saveActivity(db, ctx.audit, ctx.partnership.id, null, data);
      return paths.activity(ctx.partnership.id, row.id);
    },
    flash: "The activity has been added to the register",
    back: (ctx) => paths.register(ctx.partnership.id),
  });

  async function showActivity(
    request: ParsedRequest<{ activityId: string }>,
    reply: FastifyReply,
    errors: FieldError[] = [],
  ) {
    const { partnership } = request;
    const { activityId } = request.params;
    const view = found(await activityView(db, partnership.id, activityId, londonToday()));
    return reply.code(errors.length ? 400 : 200).view("consultation/views/activity.njk", {
      title: `${view.activity.title} – ${partnership.name}`,
      view,
      paths,
      ids: { id: partnership.id, activityId },
      canEdit: may(request, "partnership:edit"),
      canReadText: may(request, "consultation:read-free-text"),
      errors,
    });
  }

  app.get(paths.activity.pattern, needs(paths.activity, read), (request, reply) => showActivity(request, reply));

  formRoute(app, {
    path: paths.edit,
    needs: edit,
    load: loadActivity,
    title: (ctx) => `Change “${ctx.record.title}”`,
    fields: (ctx) => activityFormFields(ctx.partnership.id, ctx.record.id),
    schema: activityForm,
    initial: async (ctx) =>
      activityValues(
        ctx.record,
        await repo.listPartnerIds(db, ctx.partnership.id, ctx.record.id),
        await repo.listActionIds(db, ctx.partnership.id, ctx.record.id),
      ),
    save: async (ctx, data) => {
      await saveActivity(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
      return activityHref(ctx);
    },
    flash: "Your changes have been saved",
    back: activityHref,
  });

  deleteRoute(app, {
    path: paths.remove,
    needs: edit,
    load: loadActivity,
    question: (ctx) => `Are you sure you want to delete “${ctx.record.title}”?`,
    consequences: () => ["its survey and questions, themes, quotes, notes and participant counts"],
    confirmText: "Yes, delete it",
    remove: (ctx) => removeActivity(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: (ctx) => paths.register(ctx.partnership.id),
    flash: "The activity has been deleted",
  });

  formRoute(app, {
    path: paths.participants,
    needs: edit,
    load: loadActivity,
    title: (ctx) => `Who took part in “${ctx.record.title}”`,
    intro:
      "The number of people who took part other than through the online survey (its responses are counted for you). Leave blank for none.",
    fields: participantFields,
    schema: participantsForm,
    initial: async (ctx) =>
      Object.fromEntries(
        (await repo.listParticipants(db, ctx.partnership.id, [ctx.record.id])).map((row) => [
          row.audience,
          String(row.count),
        ]),
      ),
    save: async (ctx, data) => {
      await recordParticipants(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
      return activityHref(ctx);
    },
    flash: "The numbers who took part have been saved",
    back: activityHref,
  });

  formRoute(app, {
    path: paths.publish,
    needs: edit,
    load: loadActivity,
    title: (ctx) => `Publish “you said, we did” for “${ctx.record.title}”`,
    intro:
      "The public page shows what you asked, who took part, the themes of what people said (counts below 10 shown as [c]), approved quotes, and what the partnership did with the current status of the linked actions.",
    fields: publishFields,
    schema: publishForm,
    initial: (ctx) => ({ weDid: ctx.record.weDid }),
    save: async (ctx, data) => {
      await publishYouSaidWeDid(db, ctx.audit, ctx.partnership.id, ctx.record.id, data.weDid, londonToday());
      return activityHref(ctx);
    },
    submitText: "Publish",
    flash: "“You said, we did” has been published",
    back: activityHref,
  });

  deleteRoute(app, {
    path: paths.withdraw,
    needs: edit,
    load: async (ctx) => {
      const activity = await loadActivity(ctx);
      return activity?.publishedAt ? activity : null;
    },
    question: (ctx) => `Are you sure you want to withdraw the public “you said, we did” for “${ctx.record.title}”?`,
    confirmText: "Yes, withdraw it",
    remove: (ctx) => withdrawYouSaidWeDid(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: activityHref,
    flash: "The public page has been withdrawn",
  });

  app.get(paths.file.pattern, needs(paths.file, read), async (request, reply) => {
    const { partnership, params } = request;
    const file = found(await repo.findFile(db, partnership.id, params.activityId, params.fileId));
    return sendDownload(reply, { fileName: file.fileName, type: { upload: file.contentType }, body: file.content });
  });

  deleteRoute(app, {
    path: paths.fileRemove,
    needs: edit,
    load: (ctx) => repo.findFile(db, ctx.params.id, ctx.params.activityId, ctx.params.fileId),
    question: (ctx) => `Are you sure you want to remove “${ctx.record.fileName}”?`,
    remove: (ctx) => removeNotes(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, ctx.record.id),
    done: activityHref,
    flash: "The file has been removed",
  });

  // Uploads get multipart parsing in their own scope; fields come back on the body so the
  // kernel's CSRF check reads `_csrf` like any other form.
  fileUploadScope(app, MAX_NOTES_BYTES, (scope) => {
    scope.post(
      paths.files.pattern,
      { ...needs(paths.files, edit), config: { uploadLimit: "20 MB" } },
      async (request, reply) => {
        const { partnership, params } = request;
        const field = (request.body as Record<string, unknown> | undefined)?.file as
          | { type?: string; filename?: string; _buf?: Buffer | null; file?: { truncated?: boolean } }
          | undefined;
        try {
          await uploadNotes(
            db,
            request.auditContext(),
            partnership.id,
            params.activityId,
            {
              name: field?.type === "file" ? (field.filename ?? "") : "",
              content: field?._buf ?? Buffer.alloc(0),
              truncated: field?.file?.truncated === true,
            },
            request.actor!.userId,
          );
        } catch (error) {
          const errors = fieldErrorsOf(error);
          if (!errors) throw error;
          return showActivity(request, reply, errors);
        }
        return reply
          .flash("The file has been uploaded")
          .redirect(`${paths.activity(partnership.id, params.activityId)}#files`, 303);
      },
    );
  });
}
