import type { FastifyInstance, FastifyRequest } from "fastify";
import { can, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { listNationalPartners, type NationalPartnerPerson } from "../../workspace/access/index.ts";
import { listOrganisations } from "../../workspace/organisations/index.ts";
import { type MemberOffer, memberOffers, memberRemovalGuards } from "./extension-points.ts";
import { groupFields, profileFields } from "./fields.ts";
import { addMember, removeMember, saveGroup, saveProfile, setMemberPerson } from "./group-service.ts";
import { type HubView, hubFor } from "./hub-context.ts";
import { hubPaths as paths } from "./paths.ts";
import { findGroup, findMember, listMembers, type MemberRow } from "./repository.ts";
import { addMemberForm, groupForm, partnerPersonForm, profileForm } from "./schemas.ts";

const signedIn = { signedIn: true } as const;
const manage = { nation: "hub:manage" } as const;

/** The group, its member bodies' profiles, and who acts for each body. */
export function registerGroupRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const offersOf = async (groupId: string) =>
    (await context.extensions.optional(memberOffers)?.(db, groupId)) ?? new Map<string, MemberOffer[]>();

  async function partnersView(hub: HubView, values = {}, errors: FieldError[] = []) {
    const members = await listMembers(db, hub.group.id);
    const offers = await offersOf(hub.group.id);
    const taken = new Set(members.map((member) => member.organisationId));
    const organisations = hub.canManage ? (await listOrganisations(db)).filter((row) => !taken.has(row.id)) : [];
    return {
      title: `Who we are – ${hub.group.name}`,
      hub,
      members: members.map((member) => ({
        ...member,
        href: paths.member(hub.nation, member.id),
        offerCount: offers.get(member.id)?.length ?? 0,
      })),
      organisationItems: [
        { value: "", text: "Select an organisation" },
        ...organisations.map((row) => ({ value: row.id, text: row.name })),
      ],
      values,
      errors,
    };
  }

  formRoute(app, {
    path: paths.group,
    needs: manage,
    template: "partners-group/views/hub-form.njk",
    view: async (ctx) => {
      const nation = ctx.params.nation as Nation;
      const group = await findGroup(db, nation);
      return {
        title: group
          ? "Change the national partners group"
          : `Set up ${nationLabels[nation]}'s national partners group`,
        fields: groupFields,
        backHref: paths.home(nation),
      };
    },
    initial: async (ctx) => {
      const group = await findGroup(db, ctx.params.nation as Nation);
      return group
        ? { name: group.name, remit: group.remit, meetingIntervalWeeks: String(group.meetingIntervalWeeks) }
        : { meetingIntervalWeeks: "4" };
    },
    schema: groupForm,
    save: async (ctx, data) => {
      await saveGroup(db, ctx.audit, ctx.params.nation as Nation, data);
      return paths.home(ctx.params.nation);
    },
    flash: "The group has been saved",
  });

  app.get(paths.partners.pattern, needs(paths.partners, signedIn), async (request, reply) =>
    reply.view("partners-group/views/partners.njk", await partnersView(await hubFor(db, request))),
  );

  // The coordinator's "add a body" form is on the page everyone in the hub reads.
  formRoute(app, {
    path: paths.partners,
    needs: manage,
    load: (ctx) => hubFor(db, ctx.request),
    schema: addMemberForm,
    page: async (ctx, shown) => ({
      template: "partners-group/views/partners.njk",
      view: await partnersView(ctx.record, shown.values, shown.errors),
    }),
    save: async (ctx, data) => {
      await addMember(db, ctx.audit, ctx.record.group.id, data.organisationId);
      return paths.partners(ctx.record.nation);
    },
    flash: "The body has joined the group",
  });

  async function memberOf(hub: HubView, memberId: string): Promise<MemberRow> {
    const member = await findMember(db, hub.group.id, memberId);
    if (!member) throw AppError.notFound();
    return member;
  }

  async function profileView(
    request: FastifyRequest,
    hub: HubView,
    member: MemberRow,
    values = {},
    errors: FieldError[] = [],
  ) {
    const people: NationalPartnerPerson[] = hub.canRead
      ? await listNationalPartners(db, hub.nation, member.organisationId)
      : [];
    const offers = (await offersOf(hub.group.id)).get(member.id) ?? [];
    return {
      title: `${member.organisationName} – ${hub.group.name}`,
      hub,
      member,
      offers,
      people,
      canEdit: can(request.actor, "hub:act-for-body", {
        nation: hub.nation,
        organisationId: member.organisationId,
      }),
      values,
      errors,
    };
  }

  app.get(paths.member.pattern, needs(paths.member, signedIn), async (request, reply) => {
    const hub = await hubFor(db, request);
    const member = await memberOf(hub, request.params.memberId);
    return reply.view("partners-group/views/profile.njk", await profileView(request, hub, member));
  });

  formRoute(app, {
    path: paths.memberEdit,
    needs: { nation: "hub:read" },
    load: async (ctx) => {
      const hub = await hubFor(db, ctx.request);
      const member = await memberOf(hub, ctx.params.memberId);
      // The coordinator, or the body's own national partners.
      if (!can(ctx.request.actor, "hub:act-for-body", { nation: hub.nation, organisationId: member.organisationId }))
        throw AppError.forbidden("Only the coordinator and this body's national partners can change its profile");
      return { hub, member };
    },
    template: "partners-group/views/hub-form.njk",
    view: (ctx) => ({
      title: `Change the profile of ${ctx.record.member.organisationName}`,
      hub: ctx.record.hub,
      fields: profileFields,
      backHref: paths.member(ctx.record.hub.nation, ctx.record.member.id),
    }),
    initial: (ctx) => {
      const { whoWeAre, whatWeOffer, howToEngage, aims, contactName, contactEmail, website } = ctx.record.member;
      return { whoWeAre, whatWeOffer, howToEngage, aims, contactName, contactEmail, website };
    },
    schema: profileForm,
    save: async (ctx, data) => {
      await saveProfile(db, ctx.audit, ctx.record.hub.group.id, ctx.record.member.id, data);
      return paths.member(ctx.record.hub.nation, ctx.record.member.id);
    },
    flash: "The profile has been saved",
  });

  formRoute(app, {
    path: paths.people,
    needs: manage,
    load: async (ctx) => {
      const hub = await hubFor(db, ctx.request);
      return { hub, member: await memberOf(hub, ctx.params.memberId) };
    },
    schema: partnerPersonForm,
    page: async (ctx, shown) => ({
      template: "partners-group/views/profile.njk",
      view: await profileView(ctx.request, ctx.record.hub, ctx.record.member, shown.values, shown.errors),
    }),
    save: async (ctx, data) => {
      const { hub, member } = ctx.record;
      await setMemberPerson(db, ctx.audit, hub.group, member.id, { email: data.email, partner: true });
      return paths.member(hub.nation, member.id);
    },
    flash: (ctx, data) => `${data.email} is now a national partner for ${ctx.record.member.organisationName}`,
  });

  deleteRoute(app, {
    path: paths.personRemove,
    needs: manage,
    load: async (ctx) => {
      const hub = await hubFor(db, ctx.request);
      const member = await memberOf(hub, ctx.params.memberId);
      const person = (await listNationalPartners(db, hub.nation, member.organisationId)).find(
        (row) => row.userId === ctx.params.userId,
      );
      return person ? { hub, member, person } : null;
    },
    question: (ctx) =>
      `Are you sure ${ctx.record.person.name} should stop acting for ${ctx.record.member.organisationName}?`,
    consequences: () => ["They will no longer read the hub or answer the requests assigned to this body."],
    confirmText: "Yes, remove the national partner role",
    remove: (ctx) =>
      setMemberPerson(db, ctx.audit, ctx.record.hub.group, ctx.record.member.id, {
        userId: ctx.record.person.userId,
        partner: false,
      }),
    done: (ctx) => paths.member(ctx.record.hub.nation, ctx.record.member.id),
    flash: (ctx) => `${ctx.record.person.name} is no longer a national partner`,
  });

  deleteRoute(app, {
    path: paths.memberRemove,
    needs: manage,
    load: async (ctx) => {
      const hub = await hubFor(db, ctx.request);
      return { hub, member: await memberOf(hub, ctx.params.memberId) };
    },
    question: (ctx) => `Are you sure you want to remove ${ctx.record.member.organisationName} from the group?`,
    consequences: () => [
      "Its profile and its place as a provider of offers in the catalogue.",
      "The national partner role of everyone who acts for it.",
    ],
    remove: (ctx) =>
      removeMember(
        db,
        ctx.audit,
        ctx.record.hub.group,
        ctx.record.member.id,
        context.extensions.all(memberRemovalGuards),
      ),
    done: (ctx) => paths.partners(ctx.record.hub.nation),
    flash: (ctx) => `${ctx.record.member.organisationName} has left the group`,
  });
}
