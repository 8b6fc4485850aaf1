import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findActionChoices } from "../actions/index.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import {
  deleteAllocation,
  deleteStream,
  findAllocation,
  findAllocationFor,
  findStream,
  insertAllocation,
  insertStream,
  type StreamWithYears,
} from "./funding-repository.ts";
import type { AllocationInput, StreamInput } from "./funding-schemas.ts";

export async function addStream(db: Db, audit: AuditContext, partnershipId: string, input: StreamInput) {
  return db.transaction(async (tx) => {
    if (input.sourceOrganisationId) {
      const members = await listMemberOrganisations(tx, [partnershipId]);
      if (!members.some((member) => member.organisationId === input.sourceOrganisationId))
        throw AppError.validation([
          { field: "sourceOrganisationId", message: "Select one of the partnership's member organisations" },
        ]);
    }
    const { years, ...stream } = input;
    const row = await insertStream(tx, { ...stream, partnershipId }, years);
    await recordAudit(tx, audit, {
      action: "budget.stream-add",
      entityType: "funding_stream",
      entityId: row.id,
      partnershipId,
      after: { ...row, years },
    });
    return row;
  });
}

export async function removeStream(db: Db, audit: AuditContext, partnershipId: string, id: string) {
  await db.transaction(async (tx) => {
    const before = await findStream(tx, partnershipId, id);
    if (!before || !(await deleteStream(tx, partnershipId, id))) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "budget.stream-remove",
      entityType: "funding_stream",
      entityId: id,
      partnershipId,
      before,
    });
  });
}

/**
 * An allocation from a stream to one of the partnership's actions. An action id that is not the
 * partnership's own is a forged post (the form only offers its own): not found, nothing saved.
 * Allocations beyond what the year has are allowed and shown as a gap on the plan (funding-plan.ts).
 */
export async function addAllocation(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  stream: StreamWithYears,
  input: AllocationInput,
) {
  return db.transaction(async (tx) => {
    const [action] = await findActionChoices(tx, partnershipId, [input.actionId]);
    if (!action) throw AppError.notFound();
    if (!stream.years.some((year) => year.financialYear === input.financialYear)) {
      throw AppError.validation([
        {
          field: "financialYear",
          message: `Enter a financial year the stream covers, from ${stream.firstYear} to ${stream.lastYear}`,
        },
      ]);
    }
    const key = { streamId: stream.id, actionId: action.id, financialYear: input.financialYear };
    if (await findAllocationFor(tx, key)) {
      throw AppError.validation([
        {
          field: "actionId",
          message: `${action.label} already has an allocation from this stream for ${input.financialYear}: remove it first to change it`,
        },
      ]);
    }
    const row = await insertAllocation(tx, {
      ...key,
      partnershipId,
      amountPence: input.amount!,
      status: input.status,
    });
    await recordAudit(tx, audit, {
      action: "budget.allocation-add",
      entityType: "funding_allocation",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function removeAllocation(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  streamId: string,
  id: string,
) {
  await db.transaction(async (tx) => {
    const before = await findAllocation(tx, partnershipId, streamId, id);
    if (!before || !(await deleteAllocation(tx, partnershipId, id))) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "budget.allocation-remove",
      entityType: "funding_allocation",
      entityId: id,
      partnershipId,
      before,
    });
  });
}
