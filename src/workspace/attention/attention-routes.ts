import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { attentionFor } from "./attention-service.ts";

export function registerAttentionRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get("/attention", async (request, reply) => {
    if (!request.actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    const groups = await attentionFor(db, request.actor);
    const total = groups.reduce((sum, group) => sum + group.items.length, 0);
    return reply.view("attention/views/attention.njk", { title: "Needs your attention", groups, total });
  });
}
