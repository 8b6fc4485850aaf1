import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { attentionFor } from "./attention-service.ts";
import { attentionItems } from "./extension-points.ts";

const attentionPath = path("/attention");

export function registerAttentionRoutes(app: FastifyInstance, { db, extensions }: AppContext): void {
  const sources = extensions.all(attentionItems);
  app.get(attentionPath.pattern, needs(attentionPath, { signedIn: true }), async (request, reply) => {
    const groups = await attentionFor(db, request.actor!, sources);
    const total = groups.reduce((sum, group) => sum + group.items.length, 0);
    return reply.view("attention/views/attention.njk", { title: "Needs your attention", groups, total });
  });
}
