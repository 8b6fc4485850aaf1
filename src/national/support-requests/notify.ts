import type { Nation } from "../../kernel/auth/policy.ts";
import type { Config } from "../../kernel/config/config.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { sendMail } from "../../kernel/mail/mailer.ts";
import { listCoordinators, listNationalPartners, listPeopleInPartnership } from "../../workspace/access/index.ts";
import { requestPaths } from "./paths.ts";
import type { RequestEvent } from "./request-service.ts";
import { requestStatusLabels, type RequestStatus } from "./vocabulary.ts";

interface Recipient {
  email: string;
  name: string;
}

/** The partnership side: whoever asked, if still a lead or editor there; else the partnership's leads. */
async function localSide(db: Executor, event: RequestEvent): Promise<Recipient[]> {
  const people = (await listPeopleInPartnership(db, event.request.partnershipId)).filter(
    (person) => person.status === "active",
  );
  const requester = people.find((person) => person.userId === event.request.requestedBy && person.role !== "viewer");
  return requester ? [requester] : people.filter((person) => person.role === "lead");
}

/** The hub side: the assigned body's national partners, or the coordinators while nobody is assigned. */
async function hubSide(
  db: Executor,
  nation: Nation,
  event: RequestEvent,
  coordinatorsToo = false,
): Promise<Recipient[]> {
  const body = event.request.assignedOrganisationId
    ? (await listNationalPartners(db, nation, event.request.assignedOrganisationId)).filter(
        (p) => p.status === "active",
      )
    : [];
  const coordinators = body.length === 0 || coordinatorsToo ? await listCoordinators(db, nation) : [];
  return [...body, ...coordinators];
}

function message(event: RequestEvent, links: { local: string; hub: string }, toLocal: boolean) {
  const topic = `"${event.request.topic}"`;
  const link = toLocal ? links.local : links.hub;
  const lines: Record<RequestEvent["kind"], string> = {
    created: `A partnership has asked for support: ${topic}. Triage it here:`,
    assigned: toLocal
      ? `Your support request ${topic} has been assigned to a national partner.`
      : `A support request has been assigned to your organisation: ${topic}.`,
    declined: `Your support request ${topic} has been declined. The reason is on the request:`,
    merged: `Your support request ${topic} has been merged into another of your partnership's requests for the same support.`,
    message: `There is a new message on the support request ${topic}.`,
    status: `The support request ${topic} is now ${requestStatusLabels[event.request.status as RequestStatus].toLowerCase()}.${event.request.status === "done" ? " Please close it with your feedback when you are satisfied." : ""}`,
    closed: `The support request ${topic} has been closed with feedback.`,
  };
  return {
    subject: `Support request: ${event.request.topic.slice(0, 80)}`,
    // No message text: the thread may hold personal or private detail; the link asks for sign-in.
    text: `${lines[event.kind]}\n\n${link}\n\nChild Poverty Action Hub\n`,
  };
}

/**
 * Emails the people concerned after a change, when SMTP is configured. Runs after the change is
 * committed and never fails it: delivery problems are logged. Private notes tell nobody.
 */
export async function notifyRequestEvent(
  db: Executor,
  config: Config,
  log: { warn: (details: object, message: string) => void },
  baseUrl: string,
  nation: Nation,
  event: RequestEvent,
): Promise<number> {
  const mail = config.mail;
  if (!mail || event.isPrivate) return 0;
  const links = {
    local: `${baseUrl}${requestPaths.request(event.request.partnershipId, event.request.id)}`,
    hub: `${baseUrl}${requestPaths.hubRequest(nation, event.request.id)}`,
  };
  const toLocal = event.side === "hub" && event.kind !== "created";
  const groups: { recipients: Recipient[]; local: boolean }[] = [];
  if (event.kind === "created") groups.push({ recipients: await listCoordinators(db, nation), local: false });
  else if (event.kind === "assigned") {
    groups.push({ recipients: await hubSide(db, nation, event), local: false });
    groups.push({ recipients: await localSide(db, event), local: true });
  } else if (event.kind === "closed") groups.push({ recipients: await hubSide(db, nation, event, true), local: false });
  else if (toLocal) groups.push({ recipients: await localSide(db, event), local: true });
  else groups.push({ recipients: await hubSide(db, nation, event), local: false });
  let sent = 0;
  const seen = new Set<string>();
  for (const group of groups) {
    for (const recipient of group.recipients) {
      if (seen.has(recipient.email.toLowerCase())) continue;
      seen.add(recipient.email.toLowerCase());
      const result = await sendMail(mail, { to: recipient.email, ...message(event, links, group.local) });
      if (result.sent) sent += 1;
      else log.warn({ requestId: event.request.id, reason: result.reason }, "support request email failed");
    }
  }
  return sent;
}
