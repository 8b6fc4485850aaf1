import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findActionChoices } from "../actions/index.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import {
  type ContributionListItem,
  deleteContribution,
  findContribution,
  findDuplicate,
  insertContribution,
  insertContributionActions,
} from "./repository.ts";
import type { ContributionForm } from "./schemas.ts";

export async function addContribution(db: Db, audit: AuditContext, partnershipId: string, form: ContributionForm) {
  return db.transaction(async (tx) => {
    const members = await listMemberOrganisations(tx, [partnershipId]);
    const member = members.find((row) => row.organisationId === form.organisationId);
    if (!member)
      throw AppError.validation([
        { field: "organisationId", message: "Select one of the partnership's member organisations" },
      ]);
    const key = {
      partnershipId,
      organisationId: form.organisationId,
      financialYear: form.financialYear,
      kind: form.kind,
    };
    if (await findDuplicate(tx, key)) {
      throw AppError.validation([
        {
          field: "organisationId",
          message: `${member.name} already has a ${form.kind} contribution for ${form.financialYear}: remove it first to change it`,
        },
      ]);
    }
    // Every action named must be one of this partnership's own: forged or stale ids are a form error.
    const actionIds = [...new Set(form.actionIds)];
    if ((await findActionChoices(tx, partnershipId, actionIds)).length !== actionIds.length) {
      throw AppError.validation([{ field: "actionIds", message: "Select actions from the partnership's action plan" }]);
    }
    const row = await insertContribution(tx, { ...key, amountPence: form.amount, funds: form.funds });
    await insertContributionActions(tx, partnershipId, row.id, actionIds);
    await recordAudit(tx, audit, {
      action: "budget.contribution-add",
      entityType: "budget_contribution",
      entityId: row.id,
      partnershipId,
      after: { ...row, actionIds },
    });
    return row;
  });
}

export async function removeContribution(db: Db, audit: AuditContext, partnershipId: string, id: string) {
  await db.transaction(async (tx) => {
    const before = await findContribution(tx, partnershipId, id);
    if (!before || !(await deleteContribution(tx, partnershipId, id))) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "budget.contribution-remove",
      entityType: "budget_contribution",
      entityId: id,
      partnershipId,
      before,
    });
  });
}

export interface Totals {
  byPartner: { name: string; pooled: string; aligned: string; total: string }[];
  byYear: { year: string; pooled: string; aligned: string; total: string }[];
  grand: string;
}

/** Totals by partner and by year, summed in integer pence. */
export function totals(rows: ContributionListItem[]): Totals {
  const sum = (key: (row: ContributionListItem) => string) => {
    const map = new Map<string, { pooled: number; aligned: number }>();
    for (const row of rows) {
      const entry = map.get(key(row)) ?? { pooled: 0, aligned: 0 };
      entry[row.kind === "pooled" ? "pooled" : "aligned"] += row.amountPence;
      map.set(key(row), entry);
    }
    return [...map].map(([name, value]) => ({
      name,
      pooled: formatPounds(value.pooled),
      aligned: formatPounds(value.aligned),
      total: formatPounds(value.pooled + value.aligned),
    }));
  };
  return {
    byPartner: sum((row) => row.organisationName).sort((a, b) => a.name.localeCompare(b.name)),
    byYear: sum((row) => row.financialYear)
      .map(({ name, ...rest }) => ({ year: name, ...rest }))
      .sort((a, b) => a.year.localeCompare(b.year)),
    grand: formatPounds(rows.reduce((total, row) => total + row.amountPence, 0)),
  };
}
