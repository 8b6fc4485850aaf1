import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { PartnershipRole } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findPersonInPartnership, findRole, findUserByEmail } from "./repository.ts";
import { setPartnershipRole } from "./role-service.ts";

/** A lead adds someone who already has an account; the administrator creates accounts. */
export async function addPerson(
  db: Db,
  context: AuditContext,
  partnershipId: string,
  input: { email: string; role: PartnershipRole },
) {
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    throw AppError.validation([
      {
        field: "email",
        message: "No one has an account with this email address. Ask the service administrator to add them",
      },
    ]);
  }
  if (user.status === "disabled")
    throw AppError.validation([{ field: "email", message: "This person's account is disabled" }]);
  if (await findRole(db, user.id, partnershipId)) {
    throw AppError.validation([
      { field: "email", message: `${user.name} already has a role in this partnership. Change it in the table` },
    ]);
  }
  await setPartnershipRole(db, context, { userId: user.id, partnershipId, role: input.role });
}

/** Changes or removes the role of someone already in the partnership (404 for anyone else). */
export async function changePerson(
  db: Db,
  context: AuditContext,
  partnershipId: string,
  userId: string,
  role: PartnershipRole | null,
): Promise<void> {
  if (!(await findPersonInPartnership(db, partnershipId, userId))) throw AppError.notFound();
  await setPartnershipRole(db, context, { userId, partnershipId, role }, role ? `role-${userId}` : `remove-${userId}`);
}
