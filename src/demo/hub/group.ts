import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { createUser, findUserByEmail } from "../../workspace/access/index.ts";
import { createOrganisation, findOrganisationByName } from "../../workspace/organisations/index.ts";
import {
  addMember,
  findGroup,
  findMemberByOrganisation,
  type GroupRow,
  listMembers,
  saveGroup,
  saveProfile,
  setMemberPerson,
} from "../../national/partners-group/index.ts";
import { type SupportType, saveOffer } from "../../national/support-offer/index.ts";
import { type BodyName, demoBodies, demoOffers } from "./bodies.ts";

export const demoNationalPartner = {
  name: "Ailsa Grant",
  email: "partner.scotland@example.org",
  password: "demo-national-partner-scotland",
  organisation: "Caledonia Public Health Agency (demo)" as BodyName,
};

/** Scotland's fictional national partners group: member bodies with profiles, offers across the matrix, one partner sign-in. */
export async function seedPartnersGroup(db: Db, audit: AuditContext): Promise<{ group: GroupRow; created: boolean }> {
  const existing = await findGroup(db, "scotland");
  if (existing) return { group: existing, created: false };
  const group = await saveGroup(db, audit, "scotland", {
    name: "Scottish National Partners Group (fictional demo)",
    remit:
      "Coordinates national support for local authorities and health boards with their local child poverty action reports: support and guidance that answers local needs, a joint plan of support informed by local leads' feedback, and effective practice shared.",
    meetingIntervalWeeks: 4,
  });
  const members = new Map<string, string>();
  for (const body of demoBodies) {
    const organisation =
      (await findOrganisationByName(db, body.name)) ??
      (await createOrganisation(db, audit, { name: body.name, type: "national-body", gssCode: null }));
    const member =
      (await findMemberByOrganisation(db, group.id, organisation.id)) ??
      (await addMember(db, audit, group.id, organisation.id));
    await saveProfile(db, audit, group.id, member.id, {
      whoWeAre: body.whoWeAre,
      whatWeOffer: body.whatWeOffer,
      howToEngage: body.howToEngage,
      aims: body.aims,
      contactName: "Support desk (fictional)",
      contactEmail: "support@example.org",
      website: "",
    });
    members.set(body.name, member.id);
  }
  for (const offer of demoOffers) {
    const { providers, ...form } = offer;
    await saveOffer(db, audit, group.id, null, {
      ...form,
      supportType: form.supportType as SupportType,
      providerIds: providers.map((name) => members.get(name)!),
    });
  }
  const partnerOrganisation = await findOrganisationByName(db, demoNationalPartner.organisation);
  const user =
    (await findUserByEmail(db, demoNationalPartner.email)) ??
    (
      await createUser(db, audit, {
        name: demoNationalPartner.name,
        email: demoNationalPartner.email,
        organisationId: partnerOrganisation!.id,
        password: demoNationalPartner.password,
      })
    ).user;
  await setMemberPerson(db, audit, group, members.get(demoNationalPartner.organisation)!, {
    userId: user.id,
    partner: true,
  });
  return { group, created: true };
}

export async function memberIdsByName(
  db: Db,
  groupId: string,
): Promise<Map<string, { id: string; organisationId: string }>> {
  return new Map(
    (await listMembers(db, groupId)).map((member) => [
      member.organisationName,
      { id: member.id, organisationId: member.organisationId },
    ]),
  );
}
