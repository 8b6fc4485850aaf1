import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Nation } from "../../kernel/auth/policy.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { found, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { type HubView, hubFor, listMembers, type MemberRow } from "../partners-group/index.ts";
import { supportRequestLink } from "./extension-points.ts";
import { offerFields } from "./fields.ts";
import { buildMatrix, matrixRows } from "./matrix.ts";
import { removeOffer, saveOffer } from "./offer-service.ts";
import { offerPaths as paths } from "./paths.ts";
import { findOffer, listOffers, type OfferWithProviders } from "./repository.ts";
import { matrixQuery, type MatrixQuery, offerForm, offerQuery, offerStatuses, offerStatusLabels } from "./schemas.ts";
import { offerFormatLabel, offerFormats, supportTypeLabel, supportTypes } from "./vocabulary.ts";

const signedIn = { signedIn: true } as const;
const manage = { nation: "hub:manage" } as const;

function described(offer: OfferWithProviders, members: MemberRow[]) {
  const providers = members.filter((member) => offer.providerIds.includes(member.id));
  return {
    ...offer,
    typeLabel: supportTypeLabel(offer.supportType),
    formatLabel: offerFormatLabel(offer.format),
    statusLabel: offerStatusLabels[offer.status as keyof typeof offerStatusLabels] ?? offer.status,
    providers: providers.map((member) => ({ id: member.id, name: member.organisationName })),
    providerNames: providers.map((member) => member.organisationName),
  };
}

const select = (label: string, items: { value: string; text: string }[], value: string | undefined) => [
  { value: "", text: label },
  ...items.map((item) => ({ ...item, selected: item.value === value })),
];
const formatItems = (value: string | undefined) =>
  select(
    "All formats",
    offerFormats.map((format) => ({ value: format.code, text: format.label })),
    value,
  );
const statusItems = (value: string | undefined) =>
  select(
    "Available or paused",
    offerStatuses.map((status) => ({ value: status, text: offerStatusLabels[status] })),
    value,
  );

/** The filters given, as a query string to carry into links and downloads ("" when none). */
function searchOf(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  ).toString();
  return params ? `?${params}` : "";
}

/** The offer catalogue, its matrix and their CSV exports. */
export function registerOfferRoutes(app: FastifyInstance, { db, extensions }: AppContext): void {
  const requestLinkFor = extensions.optional(supportRequestLink);
  const requestLink = async (request: FastifyRequest, nation: Nation) =>
    (await requestLinkFor?.(db, request.actor, nation)) ?? null;
  async function catalogue(request: ParsedRequest<{ nation: Nation }>) {
    const hub = await hubFor(db, request);
    const query = offerQuery.parse(request.query ?? {});
    const members = await listMembers(db, hub.group.id);
    const offers = (await listOffers(db, hub.group.id, query)).map((offer) => described(offer, members));
    return { hub, query, members, offers };
  }

  app.get(paths.list.pattern, needs(paths.list, signedIn), async (request, reply) => {
    const { hub, query, members, offers } = await catalogue(request);
    const link = await requestLink(request, hub.nation);
    return reply.view("support-offer/views/offers.njk", {
      title: `Support offer – ${hub.group.name}`,
      hub,
      offers,
      search: searchOf(query),
      canRequest: !!link,
      requestHref: link,
      typeItems: select(
        "All types",
        supportTypes.map((type) => ({ value: type.code, text: type.label })),
        query.type,
      ),
      providerItems: select(
        "All providers",
        members.map((member) => ({ value: member.id, text: member.organisationName })),
        query.provider,
      ),
      formatItems: formatItems(query.format),
      statusItems: statusItems(query.status),
    });
  });

  app.get(paths.csv.pattern, needs(paths.csv, signedIn), async (request, reply) => {
    const { hub, offers } = await catalogue(request);
    return sendCsv(
      reply,
      `support-offer-${hub.nation}.csv`,
      [
        "Offer",
        "Type of support",
        "Provided by",
        "Format",
        "For",
        "Capacity",
        "How to request it",
        "Status",
        "Description",
      ],
      offers.map((offer) => [
        offer.title,
        offer.typeLabel,
        offer.providerNames.join("; "),
        offer.formatLabel,
        offer.audience,
        offer.capacity,
        offer.howToRequest,
        offer.statusLabel,
        offer.description,
      ]),
    );
  });

  /** The matrix over the offers that pass the filters; every member body keeps its row. */
  async function matrixOf(hub: HubView, query: MatrixQuery) {
    const members = await listMembers(db, hub.group.id);
    const offers = await listOffers(db, hub.group.id, query);
    const matrix = buildMatrix(
      members.map((member) => ({ id: member.id, name: member.organisationName })),
      offers,
    );
    const updatedAt = offers.reduce<Date | null>(
      (latest, offer) => (!latest || offer.updatedAt > latest ? offer.updatedAt : latest),
      null,
    );
    return { matrix, updatedAt };
  }

  app.get(paths.matrix.pattern, needs(paths.matrix, signedIn), async (request, reply) => {
    const hub = await hubFor(db, request);
    const query = matrixQuery.parse(request.query ?? {});
    const search = searchOf(query);
    return reply.view("support-offer/views/matrix.njk", {
      title: `Support matrix – ${hub.group.name}`,
      hub,
      search,
      // Cells link to the offer list with the same filters, so the list shows what the cell counted.
      cellQuery: search ? `&${search.slice(1)}` : "",
      filtered: search !== "",
      formatItems: formatItems(query.format),
      statusItems: statusItems(query.status),
      ...(await matrixOf(hub, query)),
    });
  });

  app.get(paths.matrixCsv.pattern, needs(paths.matrixCsv, signedIn), async (request, reply) => {
    const hub = await hubFor(db, request);
    const table = matrixRows((await matrixOf(hub, matrixQuery.parse(request.query ?? {}))).matrix);
    return sendCsv(reply, `support-matrix-${hub.nation}.csv`, table.header, table.rows);
  });

  // One form adds and changes: the offer's id is in the path when changing one.
  const offerForms: Path<string, { nation: Nation; offerId?: string }>[] = [paths.add, paths.edit];
  for (const formPath of offerForms) {
    formRoute(app, {
      path: formPath,
      needs: manage,
      load: async (ctx) => {
        const hub = await hubFor(db, ctx.request);
        const members = await listMembers(db, hub.group.id);
        const offerId = ctx.params.offerId;
        const offer = offerId ? found(await findOffer(db, hub.group.id, offerId)) : null;
        return { hub, members, offer };
      },
      template: "partners-group/views/hub-form.njk",
      view: (ctx) => ({
        title: ctx.record.offer ? `Change “${ctx.record.offer.title}”` : "Add an offer of support",
        hub: ctx.record.hub,
        fields: offerFields(ctx.record.members),
        backHref: ctx.record.offer
          ? paths.offer(ctx.record.hub.nation, ctx.record.offer.id)
          : paths.list(ctx.record.hub.nation),
      }),
      initial: (ctx) => (ctx.record.offer ? { ...ctx.record.offer } : { status: "available" }),
      schema: offerForm,
      save: async (ctx, data) => {
        const row = await saveOffer(db, ctx.audit, ctx.record.hub.group.id, ctx.record.offer?.id ?? null, data);
        return paths.offer(ctx.record.hub.nation, row.id);
      },
      flash: "The offer has been saved",
    });
  }

  app.get(paths.offer.pattern, needs(paths.offer, signedIn), async (request, reply) => {
    const hub = await hubFor(db, request);
    const offer = found(await findOffer(db, hub.group.id, request.params.offerId));
    const link = await requestLink(request, hub.nation);
    return reply.view("support-offer/views/offer.njk", {
      title: `${offer.title} – ${hub.group.name}`,
      hub,
      offer: described(offer, await listMembers(db, hub.group.id)),
      canRequest: !!link,
      requestHref: link,
    });
  });

  deleteRoute(app, {
    path: paths.remove,
    needs: manage,
    load: async (ctx) => {
      const hub = await hubFor(db, ctx.request);
      const offer = await findOffer(db, hub.group.id, ctx.params.offerId);
      return offer ? { hub, offer } : null;
    },
    question: (ctx) => `Are you sure you want to remove “${ctx.record.offer.title}” from the offer?`,
    remove: (ctx) => removeOffer(db, ctx.audit, ctx.record.hub.group.id, ctx.record.offer.id),
    done: (ctx) => paths.list(ctx.record.hub.nation),
    flash: "The offer has been removed",
  });
}
