import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { deleteRoute, onceToken, saveOnce } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { listEvidence } from "../strategy/index.ts";
import { buildSnapshot, type VoiceSource } from "./assessment-view.ts";
import { assessmentCompleteness } from "./completeness.ts";
import { publish, removeEntry } from "./needs-service.ts";
import { needsAssessmentPaths as paths, type removableKinds } from "./paths.ts";
import { type EntryKind, findEntry, listPublications } from "./repository.ts";

const kinds: Record<(typeof removableKinds)[number], { kind: EntryKind; noun: string; name: string }> = {
  panels: { kind: "panel", noun: "indicator", name: "indicatorTitle" },
  findings: { kind: "finding", noun: "finding", name: "statement" },
  qualitative: { kind: "qualitative", noun: "qualitative evidence from", name: "source" },
  services: { kind: "service", noun: "service", name: "name" },
  swot: { kind: "swot", noun: "item", name: "text" },
  "other-assessments": { kind: "other-assessment", noun: "assessment", name: "title" },
};
/** The path's schema has checked the kind against the list. */
const entryOf = (kind: string) => kinds[kind as keyof typeof kinds];
const back = (ctx: { partnership: { id: string } }) => `${paths.assessment(ctx.partnership.id)}#versions`;

/** Removing an entry of the assessment, and publishing a version: each asks first. */
export function registerNeedsRemovals(app: FastifyInstance, db: Db, voices: VoiceSource | undefined): void {
  deleteRoute(app, {
    path: paths.removeEntry,
    needs: { partnership: "partnership:edit" },
    load: (ctx) => findEntry(db, entryOf(ctx.params.kind).kind, ctx.partnership.id, ctx.params.entryId),
    question: (ctx) => {
      const { noun, name } = entryOf(ctx.params.kind);
      return `Are you sure you want to remove the ${noun} “${String(ctx.record[name] ?? "")}”?`;
    },
    consequences: async (ctx) => {
      const kind = entryOf(ctx.params.kind).kind;
      if (kind !== "finding" && kind !== "qualitative") return [];
      const cited = (await listEvidence(db, ctx.partnership.id)).filter(
        (link) => link.kind === kind && link.referenceId === ctx.params.entryId,
      ).length;
      return cited
        ? [`its place as evidence for ${cited} ${cited === 1 ? "priority or action" : "priorities or actions"}`]
        : [];
    },
    remove: (ctx) => removeEntry(db, ctx.audit, ctx.partnership.id, entryOf(ctx.params.kind).kind, ctx.params.entryId),
    done: (ctx) => paths.assessment(ctx.partnership.id),
    flash: "Your changes have been saved",
  });

  const manage = needs(paths.publish, { partnership: "partnership:manage" });
  app.get(paths.publish.pattern, manage, async (request, reply) => {
    const { partnership } = request;
    const [snapshot, publications] = await Promise.all([
      buildSnapshot(db, partnership, undefined, voices),
      listPublications(db, partnership.id),
    ]);
    const checks = assessmentCompleteness(snapshot);
    return reply.view("needs-assessment/views/publish.njk", {
      title: `Publish version ${publications.length + 1} of the needs assessment?`,
      partnership,
      checks,
      missing: checks.filter((check) => !check.met).length,
      assessmentHref: paths.assessment(partnership.id),
      action: paths.publish(partnership.id),
      onceToken: onceToken(),
    });
  });

  app.post(paths.publish.pattern, manage, async (request, reply) => {
    const { partnership } = request;
    const actor = request.actor!;
    let number = 0;
    const { location, repeated } = await saveOnce(db, request, async () => {
      number = (
        await publish(db, request.auditContext(), partnership, { userId: actor.userId, name: actor.name }, voices)
      ).number;
      return back({ partnership });
    });
    if (!repeated) reply.flash(`Version ${number} has been published`);
    return reply.redirect(location, 303);
  });
}
