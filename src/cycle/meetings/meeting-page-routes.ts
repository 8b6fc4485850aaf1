import type { FastifyInstance, FastifyReply } from "fastify";
import { fileUploadScope } from "../../kernel/http/upload-scope.ts";
import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { found, type Need, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import {
  addAction,
  addAgendaItem,
  addDecision,
  addPaper,
  cancelMeeting,
  type MeetingRecord,
  saveMinutes,
  setActionStatus,
  updateMeetingDetails,
} from "./meetings-service.ts";
import { minutesSchema, minutesValues } from "./minutes-form.ts";
import { MAX_PAPER_BYTES, paperFromBody, sendPaper } from "./papers.ts";
import {
  findMeetingPart,
  meetingPartAnchors,
  meetingPartConsequences,
  meetingPartFlash,
  meetingPartQuestion,
  removeMeetingPart,
} from "./removals.ts";
import { findPaper, type MeetingOwner } from "./repository.ts";
import {
  actionForm,
  actionStatusForm,
  agendaForm,
  decisionForm,
  meetingEditForm,
  meetingEditValues,
} from "./schemas.ts";

/** What every owner's meeting page works on: the owner, the meeting's record, and whether its minutes show. */
export interface OwnedMeeting {
  owner: MeetingOwner;
  record: MeetingRecord;
  minutesVisible: boolean;
}

type MeetingParams = { meetingId: string };
type PartParams = MeetingParams & { childId: string };
type Shown = { errors?: FieldError[]; values?: Record<string, unknown>; form?: string };

/**
 * A meeting page of one kind of owner (a partnership's, or a national partners group's): its paths,
 * who may read and change it, how its meeting is loaded and drawn, and its wording.
 */
export interface MeetingPageSpec<A extends MeetingParams, C extends OwnedMeeting> {
  paths: {
    agenda: Path<string, A>;
    decisions: Path<string, A>;
    actions: Path<string, A>;
    actionStatus: Path<string, A & PartParams>;
    edit: Path<string, A>;
    minutes: Path<string, A>;
    cancel: Path<string, A>;
    papers: Path<string, A>;
    paper: Path<string, A & PartParams>;
    removePaper: Path<string, A & PartParams>;
    removeAgenda: Path<string, A & PartParams>;
    removeDecision: Path<string, A & PartParams>;
  };
  read: Need<A>;
  edit: Need<A>;
  /** The meeting the path names, for reading or for changing it. */
  load: (request: ParsedRequest<A>, need: "read" | "edit") => Promise<C>;
  /** Stops a reader who may not see the minutes, papers, decisions or actions (403). */
  requireMinutes: (context: C) => void;
  /** The meeting page's view model, showing a form's errors and values. */
  pageView: (context: C, shown: Shown) => Record<string, unknown>;
  /** The owner's wording for the details, minutes and cancel pages, with their titles. */
  ownerView: (context: C, page: "Change meeting details" | "Minutes" | "Cancel a meeting") => Record<string, unknown>;
  /** The organisations whose attendance the minutes record (the partnership's members, the group's bodies). */
  members: (context: C) => Promise<{ organisationId: string; name: string }[]>;
  meetingUrl: (context: C) => string;
  listUrl: (context: C) => string;
}

const template = "meetings/views/meeting.njk";
const saved = "Your changes have been saved";

/**
 * The meeting page's own routes, one set for every owner: adding agenda items, decisions and
 * actions (a rejected post draws the page again), an action's status, papers (upload and
 * download), the details, cancelling, and removing a paper, agenda item or decision (confirmed).
 */
export function registerMeetingPageRoutes<A extends MeetingParams, C extends OwnedMeeting>(
  app: FastifyInstance,
  db: Db,
  spec: MeetingPageSpec<A, C>,
): void {
  const { paths } = spec;
  const at = (context: C, anchor = "") => `${spec.meetingUrl(context)}${anchor}`;
  const draw = (reply: FastifyReply, context: C, shown: Shown, status = 200) =>
    reply.code(status).view(template, spec.pageView(context, shown));
  const editable = async (request: ParsedRequest<A>, minutes: boolean) => {
    const context = await spec.load(request, "edit");
    if (minutes) spec.requireMinutes(context);
    return context;
  };

  /** A form on the meeting page named `form`: saved by `run`, then back to the page at `anchor`. */
  function onPage<S extends z.ZodType>(
    path: Path<string, A>,
    form: string,
    schema: S,
    run: (context: C, data: z.output<S>, audit: AuditContext) => Promise<unknown>,
    anchor: string,
    minutes: boolean,
  ) {
    formRoute(app, {
      path,
      needs: spec.edit,
      load: (ctx) => editable(ctx.request, minutes),
      schema,
      page: (ctx, shown) => ({ template, view: spec.pageView(ctx.record, { ...shown, form }) }),
      save: async (ctx, data) => {
        await run(ctx.record, data, ctx.audit);
        return at(ctx.record, anchor);
      },
      flash: saved,
    });
  }
  const idOf = (context: C) => context.record.meeting.id;
  onPage(
    paths.agenda,
    "agenda",
    agendaForm,
    (c, data, audit) => addAgendaItem(db, audit, c.owner, idOf(c), data),
    "#agenda",
    false,
  );
  onPage(
    paths.decisions,
    "decision",
    decisionForm,
    (c, data, audit) => addDecision(db, audit, c.owner, idOf(c), data.decision),
    "#decisions",
    true,
  );
  onPage(
    paths.actions,
    "action",
    actionForm,
    (c, data, audit) => addAction(db, audit, c.owner, idOf(c), data),
    "#actions",
    true,
  );

  formRoute(app, {
    path: paths.actionStatus,
    needs: spec.edit,
    load: (ctx) => editable(ctx.request, true),
    schema: actionStatusForm,
    // The status select of each action is "status-<action id>": the summary links to the one posted.
    page: (ctx, shown) => ({
      template,
      view: spec.pageView(ctx.record, {
        errors: shown.errors.map((error) => ({ ...error, field: `status-${ctx.params.childId}` })),
      }),
    }),
    save: async (ctx, data) => {
      await setActionStatus(db, ctx.audit, ctx.record.owner, idOf(ctx.record), ctx.params.childId, data.status);
      return at(ctx.record, "#actions");
    },
    flash: saved,
  });

  formRoute(app, {
    path: paths.edit,
    needs: spec.edit,
    load: (ctx) => spec.load(ctx.request, "edit"),
    template: "meetings/views/edit.njk",
    view: (ctx) => ({ ...spec.ownerView(ctx.record, "Change meeting details"), meeting: ctx.record.record.meeting }),
    initial: (ctx) => meetingEditValues(ctx.record.record.meeting),
    schema: meetingEditForm,
    save: async (ctx, data) => {
      await updateMeetingDetails(db, ctx.audit, ctx.record.owner, idOf(ctx.record), data);
      return at(ctx.record);
    },
    flash: saved,
  });

  formRoute(app, {
    path: paths.minutes,
    needs: spec.edit,
    load: async (ctx) => {
      const context = await spec.load(ctx.request, "edit");
      return { context, members: await spec.members(context) };
    },
    template: "meetings/views/minutes-edit.njk",
    view: ({ record: { context, members } }) => ({ ...spec.ownerView(context, "Minutes"), ...context.record, members }),
    initial: (ctx) => minutesValues(ctx.record.context.record),
    schema: (ctx) => minutesSchema(ctx.record.members),
    save: async (ctx, data) => {
      const { context } = ctx.record;
      await saveMinutes(db, ctx.audit, context.owner, idOf(context), data, data.attendance);
      return at(context);
    },
    flash: "The minutes have been saved",
  });

  app.get(paths.cancel.pattern, needs(paths.cancel, spec.edit), async (request, reply) => {
    const context = await spec.load(request, "edit");
    return reply.view("meetings/views/cancel.njk", {
      ...spec.ownerView(context, "Cancel a meeting"),
      ...context.record,
    });
  });
  app.post(paths.cancel.pattern, needs(paths.cancel, spec.edit), async (request, reply) => {
    const context = await spec.load(request, "edit");
    await cancelMeeting(db, request.auditContext(), context.owner, idOf(context));
    return reply.flash("The meeting has been cancelled").redirect(spec.listUrl(context), 303);
  });

  // Remove a paper, an agenda item or a decision: a confirmation page first (the GOV.UK pattern).
  for (const [part, path] of [
    ["paper", paths.removePaper],
    ["agenda", paths.removeAgenda],
    ["decision", paths.removeDecision],
  ] as const) {
    deleteRoute(app, {
      path,
      needs: spec.edit,
      load: async (ctx) => {
        const context = await spec.load(ctx.request, "edit");
        const piece = findMeetingPart(context.owner, context.record, part, ctx.params.childId);
        return piece && { context, piece };
      },
      question: (ctx) => meetingPartQuestion(ctx.record.piece),
      consequences: (ctx) => meetingPartConsequences(ctx.record.piece),
      remove: (ctx) => removeMeetingPart(db, ctx.audit, ctx.record.piece, ctx.params.childId),
      done: (ctx) => at(ctx.record.context, meetingPartAnchors[part]),
      flash: meetingPartFlash[part],
    });
  }

  app.get(paths.paper.pattern, needs(paths.paper, spec.read), async (request, reply) => {
    const context = await spec.load(request, "read");
    spec.requireMinutes(context);
    // The owner's parameters are generic here, so the paper's id is read through its path's schema.
    const { childId } = paths.paper.parse(request.params);
    return sendPaper(reply, found(await findPaper(db, context.owner, idOf(context), childId)));
  });

  // Uploads get multipart parsing in their own scope; fields come back on the body so the
  // kernel's CSRF check reads `_csrf` like any other form.
  fileUploadScope(app, MAX_PAPER_BYTES, (scope) => {
    scope.post(
      paths.papers.pattern,
      { ...needs(paths.papers, spec.edit), config: { uploadLimit: "20 MB" } },
      async (request, reply) => {
        const context = await spec.load(request, "edit");
        const check = paperFromBody(request.body, "paper");
        if (!check.ok)
          return draw(reply, context, { errors: [{ field: "paper", message: check.message }], form: "paper" }, 400);
        const { fileName, contentType, sha256, content } = check;
        await addPaper(db, request.auditContext(), {
          owner: context.owner,
          meetingId: idOf(context),
          ...{ fileName, contentType, sha256, content },
        });
        return reply.flash(`${fileName} has been uploaded`).redirect(at(context, "#papers"), 303);
      },
    );
  });
}
