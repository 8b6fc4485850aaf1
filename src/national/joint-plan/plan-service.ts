import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findMember } from "../partners-group/index.ts";
import { requestIdsOfGroup } from "../support-requests/index.ts";
import * as repo from "./repository.ts";
import type { ActivityForm, ProgressForm } from "./schemas.ts";

/** Creates (activityId null) or changes an activity with the requests it answers, in one transaction. */
export async function saveActivity(
  db: Db,
  audit: AuditContext,
  groupId: string,
  activityId: string | null,
  form: ActivityForm,
) {
  return db.transaction(async (tx) => {
    if (form.leadMemberId && !(await findMember(tx, groupId, form.leadMemberId)))
      throw AppError.validation([{ field: "leadMemberId", message: "Select the lead body from the group's members" }]);
    const wanted = [...new Set(form.requestIds)];
    const requestIds = await requestIdsOfGroup(tx, groupId, wanted);
    if (requestIds.length !== wanted.length)
      throw AppError.validation([{ field: "requestIds", message: "Select requests made to this group" }]);
    const before = activityId ? await repo.findActivity(tx, groupId, activityId) : undefined;
    if (activityId && !before) throw AppError.notFound();
    const values = {
      title: form.title,
      description: form.description,
      leadMemberId: form.leadMemberId || null,
      supportType: form.supportType,
      startDate: form.startDate,
      endDate: form.endDate,
      status: form.status,
      themes: form.themes,
    };
    const row = before
      ? await repo.updateActivity(tx, groupId, before.id, values)
      : await repo.insertActivity(tx, { groupId, ...values });
    await repo.replaceLinkedRequests(tx, row.id, requestIds);
    await recordAudit(tx, audit, {
      action: before ? "plan-activity.update" : "plan-activity.create",
      entityType: "plan_activity",
      entityId: row.id,
      before: before ?? null,
      after: { ...row, requestIds },
    });
    return row;
  });
}

export async function removeActivity(db: Db, audit: AuditContext, groupId: string, activityId: string) {
  await db.transaction(async (tx) => {
    const before = await repo.deleteActivity(tx, groupId, activityId);
    if (!before) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "plan-activity.delete",
      entityType: "plan_activity",
      entityId: activityId,
      before,
    });
  });
}

/** A dated progress update, which also sets the activity's status. */
export async function addProgress(
  db: Db,
  audit: AuditContext,
  groupId: string,
  activityId: string,
  author: { userId: string | null; name: string },
  form: ProgressForm,
) {
  return db.transaction(async (tx) => {
    const before = await repo.findActivity(tx, groupId, activityId);
    if (!before) throw AppError.notFound();
    const update = await repo.insertUpdate(tx, {
      activityId,
      body: form.body,
      status: form.status,
      authorUserId: author.userId,
      authorName: author.name,
    });
    if (form.status !== before.status) await repo.updateActivity(tx, groupId, activityId, { status: form.status });
    await recordAudit(tx, audit, {
      action: "plan-activity.progress",
      entityType: "plan_activity",
      entityId: activityId,
      before: { status: before.status },
      after: { status: form.status, update: update.id },
    });
    return update;
  });
}
