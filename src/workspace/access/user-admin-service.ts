import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { hashPassword } from "../../kernel/auth/passwords.ts";
import { destroyUserSessions } from "../../kernel/auth/sessions.ts";
import type { Db } from "../../kernel/db/database.ts";
import { isUniqueViolation } from "../../kernel/db/errors.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findOrganisation } from "../organisations/index.ts";
import { createInvitation, issueInvitation } from "./invitation-service.ts";
import {
  deletePendingInvitations,
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
  type UserRow,
} from "./repository.ts";

export interface NewUser {
  name: string;
  email: string;
  organisationId: string;
  isPlatformAdmin?: boolean;
  /** Either an initial password, or null to create an invitation link instead. */
  password: string | null;
}

export const DUPLICATE_EMAIL = "Someone already has an account with this email address";

function snapshot(user: UserRow) {
  return {
    name: user.name,
    email: user.email,
    organisationId: user.organisationId,
    isPlatformAdmin: user.isPlatformAdmin,
    status: user.status,
  };
}

export async function createUser(
  db: Db,
  context: AuditContext,
  input: NewUser,
): Promise<{ user: UserRow; invitation: { token: string; expiresAt: Date } | null }> {
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const errors = [];
      if (await findUserByEmail(tx, input.email)) errors.push({ field: "email", message: DUPLICATE_EMAIL });
      if (!(await findOrganisation(tx, input.organisationId)))
        errors.push({ field: "organisationId", message: "Select the person's organisation" });
      if (errors.length) throw AppError.validation(errors);
      const user = await insertUser(tx, {
        name: input.name,
        email: input.email.toLowerCase(),
        organisationId: input.organisationId,
        passwordHash,
        status: passwordHash ? "active" : "invited",
        isPlatformAdmin: input.isPlatformAdmin ?? false,
      });
      await recordAudit(tx, context, {
        action: "user.created",
        entityType: "user",
        entityId: user.id,
        after: snapshot(user),
      });
      const invitation = passwordHash ? null : await createInvitation(tx, context, user.id);
      return { user, invitation };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw AppError.validation([{ field: "email", message: DUPLICATE_EMAIL }]);
      throw error;
    });
}

export async function setPlatformAdmin(
  db: Db,
  context: AuditContext,
  userId: string,
  isPlatformAdmin: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw AppError.notFound();
    if (user.isPlatformAdmin === isPlatformAdmin) return;
    if (!isPlatformAdmin && user.id === context.actorUserId) {
      throw AppError.validation([
        {
          field: "isPlatformAdmin",
          message: "You cannot remove your own administrator rights. Ask another administrator",
        },
      ]);
    }
    await updateUser(tx, user.id, { isPlatformAdmin });
    await recordAudit(tx, context, {
      action: isPlatformAdmin ? "user.admin_granted" : "user.admin_revoked",
      entityType: "user",
      entityId: user.id,
      before: { person: user.email, isPlatformAdmin: user.isPlatformAdmin },
      after: { person: user.email, isPlatformAdmin },
    });
  });
}

/** Disabling signs the person out everywhere and voids unused invitation links. */
export async function setUserEnabled(db: Db, context: AuditContext, userId: string, enabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw AppError.notFound();
    if (!enabled && user.id === context.actorUserId) {
      throw AppError.validation([
        { field: "status", message: "You cannot disable your own account. Ask another administrator" },
      ]);
    }
    if (enabled === (user.status !== "disabled")) return;
    // A re-enabled account without a password goes back to waiting for its invitation.
    const status = enabled ? (user.passwordHash ? "active" : "invited") : "disabled";
    if (!enabled) {
      await destroyUserSessions(tx, user.id);
      await deletePendingInvitations(tx, user.id);
    }
    await updateUser(tx, user.id, { status });
    await recordAudit(tx, context, {
      action: enabled ? "user.enabled" : "user.disabled",
      entityType: "user",
      entityId: user.id,
      before: { person: user.email, status: user.status },
      after: { person: user.email, status },
    });
  });
}

export { issueInvitation };
