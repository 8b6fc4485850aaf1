import type { FastifyInstance } from "fastify";
import { nationLabels } from "../../kernel/auth/policy.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { may, needs } from "../../kernel/http/pipeline.ts";
import { partnershipPaths } from "../../workspace/partnerships/index.ts";
import { coverageFor, saveGovernance } from "./governance-service.ts";
import {
  authorityItems,
  authorityLabel,
  formValues,
  legalBasis,
  organisationTypeLabels,
  statusTags,
} from "./governance-view.ts";
import { governancePaths as paths } from "./paths.ts";
import { findGovernance } from "./repository.ts";
import { governanceForm } from "./schemas.ts";

const read = { partnership: "partnership:read" } as const;

export function registerGovernanceRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.record.pattern, needs(paths.record, read), async (request, reply) => {
    const { partnership } = request;
    const governance = await findGovernance(db, partnership.id);
    return reply.view("governance/views/governance.njk", {
      title: `Partnership record – ${partnership.name}`,
      governance: governance ?? {},
      authorityLabel: authorityLabel(governance),
      nationLabel: nationLabels[partnership.nation],
      canManage: may(request, "partnership:manage"),
      editHref: paths.edit(partnership.id),
    });
  });

  formRoute(app, {
    path: paths.edit,
    postTo: paths.record,
    needs: { partnership: "partnership:manage" },
    template: "governance/views/governance-edit.njk",
    view: (ctx) => ({ title: "Edit the partnership record", authorityItems: authorityItems(ctx.partnership.nation) }),
    initial: async (ctx) => formValues(await findGovernance(db, ctx.partnership.id)),
    schema: governanceForm,
    save: async (ctx, data) => {
      await saveGovernance(db, ctx.audit, ctx.partnership, data);
      return paths.record(ctx.partnership.id);
    },
    flash: "The partnership record has been saved",
  });

  app.get(paths.cooperation.pattern, needs(paths.cooperation, read), async (request, reply) => {
    const { partnership } = request;
    const [coverage, governance] = await Promise.all([
      coverageFor(db, partnership),
      findGovernance(db, partnership.id),
    ]);
    return reply.view("governance/views/cooperation.njk", {
      title: `Duty to cooperate – ${partnership.name}`,
      coverage,
      statusTags,
      typeLabels: organisationTypeLabels,
      legalBasis: legalBasis[partnership.nation],
      authorityLabel: authorityLabel(governance),
      nationLabel: nationLabels[partnership.nation],
      recordHref: paths.record(partnership.id),
      overviewHref: partnershipPaths.overview(partnership.id),
    });
  });
}
