import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fileUploadScope } from "../../kernel/http/upload-scope.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import { MAX_PAPER_BYTES, paperFromBody, sendPaper } from "../../cycle/meetings/index.ts";
import { addAttachment, removeAttachment } from "./entry-service.ts";
import { canManageEntry } from "./labels.ts";
import { practicePaths as paths } from "./paths.ts";
import { type EntryRow, findAttachment, findEntry } from "./repository.ts";

const signedIn = { signedIn: true } as const;

/** Entries' attachments: the meeting papers' checks (type from content, 20 MB), always downloaded, never shown inline. */
export function registerAttachmentRoutes(
  app: FastifyInstance,
  { db }: AppContext,
  page: {
    entryPage: (reply: FastifyReply, entry: EntryRow, errors?: FieldError[]) => Promise<FastifyReply>;
    readable: (request: FastifyRequest, entry: EntryRow) => void;
  },
): void {
  async function keptEntry(request: FastifyRequest, entryId: string) {
    const entry = found(await findEntry(db, entryId));
    if (!canManageEntry(request.actor, entry)) throw AppError.notFound();
    return entry;
  }

  app.get(paths.attachment.pattern, needs(paths.attachment, { public: true }), async (request, reply) => {
    const entry = found(await findEntry(db, request.params.entryId));
    page.readable(request, entry);
    const file = found(await findAttachment(db, entry.id, request.params.attachmentId));
    return sendPaper(
      reply,
      file,
      entry.visibility === "public" && entry.status === "published" ? "public, max-age=300" : "private, no-store",
    );
  });

  deleteRoute(app, {
    path: paths.attachmentRemove,
    needs: signedIn,
    load: async (ctx) => {
      const entry = await keptEntry(ctx.request, ctx.params.entryId);
      const file = await findAttachment(db, entry.id, ctx.params.attachmentId);
      return file ? { entry, file } : null;
    },
    question: (ctx) => `Are you sure you want to remove ${ctx.record.file.fileName} from “${ctx.record.entry.title}”?`,
    remove: (ctx) => removeAttachment(db, ctx.audit, ctx.record.entry.id, ctx.record.file.id),
    done: (ctx) => `${paths.entry(ctx.record.entry.id)}#attachments`,
    flash: "The attachment has been removed",
  });

  // Multipart parsing in its own scope, as for meeting papers: `_csrf` arrives on the body.
  fileUploadScope(app, MAX_PAPER_BYTES, (scope) => {
    scope.post(
      paths.attachments.pattern,
      { ...needs(paths.attachments, signedIn), config: { uploadLimit: "20 MB" } },
      async (request, reply) => {
        const entry = await keptEntry(request, request.params.entryId);
        if (["proposed", "returned", "declined"].includes(entry.status))
          throw new AppError("CONFLICT", "Review the proposal before adding attachments to it");
        const check = paperFromBody(request.body, "attachment");
        if (!check.ok) return page.entryPage(reply, entry, [{ field: "attachment", message: check.message }]);
        const { ok: _ok, ...file } = check;
        await addAttachment(db, request.auditContext(), entry.id, file);
        return reply.flash(`${check.fileName} has been attached`).redirect(`${paths.entry(entry.id)}#attachments`, 303);
      },
    );
  });
}
