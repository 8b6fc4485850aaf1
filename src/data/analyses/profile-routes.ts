import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { z } from "zod";
import { AppError } from "../../kernel/errors/app-error.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { findGroup, groupMembers, listGroups } from "../geography/index.ts";
import { type IndicatorRow, versionsNow, visibleIndicators } from "../indicators/index.ts";
import { analysesPaths } from "./paths.ts";
import { type ComparisonGroupChoice, loadAreaProfile } from "./profile-service.ts";
import { profileView } from "./profile-view.ts";
import { drawnFor, renderFragment } from "../../kernel/views/environment.ts";

const profilePages = createVersionedCache<Awaited<ReturnType<typeof buildProfilePage>>>(200);

async function buildProfilePage(
  db: Executor,
  partnership: { id: string; areaCode: string },
  groupId: string | undefined,
  catalogue: readonly IndicatorRow[],
  dataVersion: string,
) {
  let group: ComparisonGroupChoice | null = null;
  if (groupId) {
    const row = await findGroup(db, groupId, partnership.id);
    if (!row) throw AppError.notFound();
    const members = (await groupMembers(db, row.id))
      .map((m) => m.area)
      .filter((area) => area.code !== partnership.areaCode);
    group = { id: row.id, name: row.name, members };
  }
  const groups = await listGroups(db, partnership.id);
  return {
    profile: profileView(await loadAreaProfile(db, partnership, { group, catalogue, dataVersion })),
    groups,
    group,
  };
}

type ProfilePage = ReturnType<typeof profileView>;

/**
 * Each indicator's section and small-area panel, drawn once per cached profile and kept with it
 * (it goes when the profile does): ~40 sections of tables, tags and charts through Nunjucks
 * macros were most of the page's CPU on every request. They show the profile alone.
 */
function figuresOf(profile: ProfilePage): string {
  const { indicators, smallAreas, area } = profile;
  return drawnFor(profile, "", () =>
    renderFragment("analyses/views/profile-figures.njk", { indicators, smallAreas, area }),
  );
}

export function registerProfileRoutes(app: FastifyInstance, { db }: AppContext): void {
  const profile = analysesPaths.profile;
  app.get(profile.pattern, needs(profile, { partnership: "partnership:read" }), async (request, reply) => {
    const partnership = request.partnership;
    // An optional comparison group (?group=): the partnership's own or a shared one; any other id is a 404.
    const { group: groupId } = z
      .object({ group: z.union([z.uuid(), z.literal("")]).optional() })
      .catch({ group: "invalid" })
      .parse(request.query ?? {});
    if (groupId === "invalid") throw AppError.notFound();
    // Built once per data version: only an import, an edit or a revision changes what it shows.
    // Keyed by the partnership, its area and exactly the indicators this reader may see (the
    // API's rule: restricted data only for who may read it), so no reader gets another's page.
    // Both versions in one statement: with the access version, whose indicators the owners'
    // nations let this reader see is decided once per pair, not read on every request.
    const { dataVersion: version, accessVersion } = await versionsNow(db);
    const catalogue = await visibleIndicators(db, request.actor, {
      partnershipId: partnership.id,
      dataVersion: version,
      accessVersion,
    });
    const { profile, groups, group } = await profilePages.get(
      db,
      version,
      [partnership.id, partnership.areaCode, groupId ?? "", ...catalogue.map((row) => row.id)].join("\u0000"),
      () => buildProfilePage(db, partnership, groupId, catalogue, version),
    );
    return reply.view("analyses/views/profile.njk", {
      title: profile.area
        ? `Area profile: ${profile.area.name} – ${partnership.name}`
        : `Area profile – ${partnership.name}`,
      partnership,
      areaCode: partnership.areaCode,
      ...profile,
      figures: figuresOf(profile),
      groupItems: [
        { value: "", text: "None" },
        ...groups.map((g) => ({ value: g.id, text: g.name, selected: g.id === group?.id })),
      ],
      groupName: group?.name ?? null,
      subnav: { partnershipId: partnership.id, partnershipName: partnership.name, current: "profile" },
    });
  });
}
