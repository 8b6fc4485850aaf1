import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findUserByEmail, removeNationalPartnersOfBody, setNationalPartner } from "../../workspace/access/index.ts";
import { findOrganisation } from "../../workspace/organisations/index.ts";
import * as repo from "./repository.ts";
import type { GroupForm, ProfileForm } from "./schemas.ts";

/** Sets up a nation's group, or changes its name, remit and meeting interval. */
export async function saveGroup(db: Db, audit: AuditContext, nation: Nation, form: GroupForm) {
  return db.transaction(async (tx) => {
    const before = await repo.findGroup(tx, nation);
    const after = before
      ? await repo.updateGroup(tx, before.id, form)
      : await repo.insertGroup(tx, { nation, ...form });
    await recordAudit(tx, audit, {
      action: before ? "national-group.update" : "national-group.create",
      entityType: "national_group",
      entityId: after.id,
      before: before ?? null,
      after,
    });
    return after;
  });
}

export async function addMember(db: Db, audit: AuditContext, groupId: string, organisationId: string) {
  return db.transaction(async (tx) => {
    const organisation = await findOrganisation(tx, organisationId);
    if (!organisation)
      throw AppError.validation([{ field: "organisationId", message: "Select the organisation to add" }]);
    const row = await repo.insertMember(tx, { groupId, organisationId });
    if (!row) {
      throw AppError.validation([
        { field: "organisationId", message: `${organisation.name} is already a member of the group` },
      ]);
    }
    await recordAudit(tx, audit, {
      action: "national-group.member-add",
      entityType: "national_group_member",
      entityId: row.id,
      after: { ...row, organisation: organisation.name },
    });
    return row;
  });
}

export async function saveProfile(db: Db, audit: AuditContext, groupId: string, memberId: string, form: ProfileForm) {
  return db.transaction(async (tx) => {
    const before = await repo.findMember(tx, groupId, memberId);
    if (!before) throw AppError.notFound();
    const after = await repo.updateMember(tx, groupId, memberId, form);
    await recordAudit(tx, audit, {
      action: "national-group.profile-update",
      entityType: "national_group_member",
      entityId: memberId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Work a body still holds in other parts of the hub (open requests assigned to it, activities
 * it leads): passed in by the composition root so this domain needs none of them.
 */
export type MemberRemovalGuard = (
  db: Executor,
  group: { id: string; nation: string },
  organisationId: string,
) => Promise<string | null>;

/** A body leaves the group: its people lose the national partner role in the same change. */
export async function removeMember(
  db: Db,
  audit: AuditContext,
  group: { id: string; nation: string },
  memberId: string,
  guards: MemberRemovalGuard[] = [],
) {
  await db.transaction(async (tx) => {
    const member = await repo.findMember(tx, group.id, memberId);
    if (!member) throw AppError.notFound();
    for (const guard of guards) {
      const reason = await guard(tx, group, member.organisationId);
      if (reason) throw new AppError("CONFLICT", `${member.organisationName} cannot leave the group yet: ${reason}`);
    }
    await repo.deleteMember(tx, group.id, memberId);
    const revoked = await removeNationalPartnersOfBody(tx, audit, group.nation as Nation, member.organisationId);
    await recordAudit(tx, audit, {
      action: "national-group.member-remove",
      entityType: "national_group_member",
      entityId: memberId,
      before: member,
      after: { nationalPartnersRemoved: revoked },
    });
  });
}

/** Gives a person of the body the national partner role (or takes it away). */
export async function setMemberPerson(
  db: Db,
  audit: AuditContext,
  group: { id: string; nation: string },
  memberId: string,
  change: { email?: string; userId?: string; partner: boolean },
) {
  return db.transaction(async (tx) => {
    const member = await repo.findMember(tx, group.id, memberId);
    if (!member) throw AppError.notFound();
    let userId = change.userId;
    if (!userId) {
      const user = change.email ? await findUserByEmail(tx, change.email) : undefined;
      if (!user) {
        throw AppError.validation([
          {
            field: "email",
            message: `No one with the email address ${change.email ?? ""} uses this service: an administrator can invite them first`,
          },
        ]);
      }
      userId = user.id;
    }
    return setNationalPartner(tx, audit, {
      userId,
      nation: group.nation as Nation,
      organisationId: member.organisationId,
      partner: change.partner,
    });
  });
}
