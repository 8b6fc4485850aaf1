import type { FastifyInstance } from "fastify";
import { londonToday } from "../../kernel/time.ts";
import { can, nationLabels, nations } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { listMeetings } from "../../cycle/meetings/index.ts";
import { listActivities } from "../joint-plan/index.ts";
import { findGroup, hubPaths, hubView, ledPartnerships, listMembers } from "../partners-group/index.ts";
import { listOffers } from "../support-offer/index.ts";
import { listGroupRequests, requestPaths } from "../support-requests/index.ts";

const signedIn = { signedIn: true } as const;

/** The hub's front door for each nation, and the choice of nation. */
export function registerHubRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(hubPaths.picker.pattern, needs(hubPaths.picker, signedIn), async (request, reply) => {
    const actor = request.actor!;
    const led = await ledPartnerships(db, actor);
    const relevant = actor.isPlatformAdmin
      ? [...nations]
      : nations.filter(
          (nation) =>
            actor.coordinatorNations.includes(nation) ||
            (actor.nationalPartnerNations ?? []).includes(nation) ||
            led.some((row) => row.nation === nation),
        );
    const choices = relevant.length ? relevant : [...nations];
    if (choices.length === 1) return reply.redirect(hubPaths.home(choices[0]!), 303);
    const groups = await Promise.all(choices.map(async (nation) => ({ nation, group: await findGroup(db, nation) })));
    return reply.view("hub/views/nations.njk", {
      title: "National partners' hubs",
      nations: groups.map(({ nation, group }) => ({
        href: hubPaths.home(nation),
        label: nationLabels[nation],
        groupName: group?.name ?? null,
      })),
    });
  });

  app.get(hubPaths.home.pattern, needs(hubPaths.home, signedIn), async (request, reply) => {
    const nation = request.params.nation;
    const group = await findGroup(db, nation);
    const actor = request.actor!;
    const partnerships = (await ledPartnerships(db, actor)).filter((row) => row.nation === nation);
    if (!group) {
      return reply.view("hub/views/not-set-up.njk", {
        title: `National partners' hub – ${nationLabels[nation]}`,
        nationLabel: nationLabels[nation],
        setUpHref: hubPaths.group(nation),
        canSetUp: can(actor, "hub:manage", { nation }),
      });
    }
    const hub = hubView(actor, nation, group);
    const today = londonToday();
    const [members, offers, activities, meetings, requests] = await Promise.all([
      listMembers(db, group.id),
      listOffers(db, group.id),
      listActivities(db, group.id),
      listMeetings(db, { groupId: group.id }),
      hub.canRead ? listGroupRequests(db, group.id) : Promise.resolve([]),
    ]);
    const open = requests.filter((row) => ["new", "triaged", "in-progress", "done"].includes(row.status));
    return reply.view("hub/views/home.njk", {
      title: `${group.name} – national partners' hub`,
      hub,
      counts: {
        members: members.length,
        offers: offers.length,
        activities: activities.filter((row) => row.status !== "complete").length,
        unassigned: open.filter((row) => row.status === "new").length,
        mine: open.filter((row) => row.assignedOrganisationId === actor.organisationId).length,
        open: open.length,
      },
      nextMeeting: meetings.find((meeting) => meeting.meetingDate >= today) ?? null,
      lastPublished:
        [...meetings].reverse().find((meeting) => meeting.meetingDate < today && meeting.sharedWithNational) ?? null,
      partnerships: partnerships.map((row) => ({
        name: row.name,
        supportHref: requestPaths.support(row.id),
        requestHref: requestPaths.add(row.id),
      })),
    });
  });
}
