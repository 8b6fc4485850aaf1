/**
 * "You said, we did": a theme links to the needs-assessment findings it supports (kept here)
 * and to the priorities and actions that answer it (strategy's evidence links, kind "theme",
 * so the action and strategy pages list the theme as evidence, two-way).
 */
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { actionChoices, evidenceCoverage } from "../actions/index.ts";
import { listFindings } from "../needs-assessment/index.ts";
import { addEvidence, listEvidence, listPriorities, removeEvidence } from "../strategy/index.ts";
import * as repo from "./coding-repository.ts";

export interface LinkChoice {
  value: string;
  text: string;
  group: "finding" | "priority" | "action";
}

/** Everything a theme can be linked to, the partnership's own only. */
export async function linkChoices(db: Executor, partnershipId: string): Promise<LinkChoice[]> {
  const [findings, priorities, actions] = await Promise.all([
    listFindings(db, partnershipId),
    listPriorities(db, partnershipId),
    actionChoices(db, partnershipId),
  ]);
  return [
    ...findings.map((f) => ({
      value: `finding:${f.id}`,
      text: `Finding: ${f.statement.length > 120 ? `${f.statement.slice(0, 119)}…` : f.statement}`,
      group: "finding" as const,
    })),
    ...priorities.map((p) => ({ value: `priority:${p.id}`, text: `Priority: ${p.title}`, group: "priority" as const })),
    ...actions.map((a) => ({ value: `action:${a.id}`, text: `Action: ${a.label}`, group: "action" as const })),
  ];
}

export async function linkTheme(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  themeId: string,
  target: string,
) {
  const theme = await repo.findTheme(db, partnershipId, activityId, themeId);
  if (!theme) throw AppError.notFound();
  const choice = (await linkChoices(db, partnershipId)).find((item) => item.value === target);
  if (!choice)
    throw AppError.validation([{ field: "target", message: "Select a finding, priority or action from the list" }]);
  const id = target.slice(target.indexOf(":") + 1);
  const existing = await linksOf(db, partnershipId, [theme.id]);
  if (existing.some((link) => link.target === target))
    throw AppError.validation([{ field: "target", message: "The theme is already linked to that" }]);
  await db.transaction(async (tx) => {
    if (choice.group === "finding") {
      await repo.insertThemeFinding(tx, { themeId: theme.id, findingId: id, partnershipId });
      await recordAudit(tx, audit, {
        action: "consultation_theme.link",
        entityType: "consultation_theme",
        entityId: theme.id,
        partnershipId,
        after: { target },
      });
    } else {
      await addEvidence(
        tx,
        audit,
        partnershipId,
        { type: choice.group, id },
        {
          kind: "theme",
          referenceId: theme.id,
          label: theme.name.slice(0, 300),
        },
      );
    }
  });
}

export async function unlinkTheme(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  themeId: string,
  target: string,
) {
  const theme = await repo.findTheme(db, partnershipId, activityId, themeId);
  if (!theme) throw AppError.notFound();
  const link = (await linksOf(db, partnershipId, [theme.id])).find((item) => item.target === target);
  if (!link) throw AppError.notFound();
  if (link.kind === "finding") {
    await db.transaction(async (tx) => {
      await repo.deleteThemeFinding(tx, partnershipId, theme.id, link.id);
      await recordAudit(tx, audit, {
        action: "consultation_theme.unlink",
        entityType: "consultation_theme",
        entityId: theme.id,
        partnershipId,
        before: { target },
      });
    });
  } else await removeEvidence(db, audit, partnershipId, { type: link.kind, id: link.id }, link.evidenceId!);
}

export interface ThemeLink {
  themeId: string;
  kind: "finding" | "priority" | "action";
  /** The finding, priority or action's id. */
  id: string;
  target: string;
  /** The evidence link's own id, for priorities and actions. */
  evidenceId?: string;
}

export async function linksOf(db: Executor, partnershipId: string, themeIds: string[]): Promise<ThemeLink[]> {
  if (themeIds.length === 0) return [];
  const wanted = new Set(themeIds);
  const [findings, allEvidence] = await Promise.all([
    repo.listThemeFindings(db, partnershipId, themeIds),
    listEvidence(db, partnershipId),
  ]);
  const evidence = allEvidence.filter((row) => row.kind === "theme" && wanted.has(row.referenceId));
  return [
    ...findings.map((row) => ({
      themeId: row.themeId,
      kind: "finding" as const,
      id: row.findingId,
      target: `finding:${row.findingId}`,
    })),
    ...evidence.map((row) => ({
      themeId: row.referenceId,
      kind: row.subjectType as "priority" | "action",
      id: row.subjectId,
      target: `${row.subjectType}:${row.subjectId}`,
      evidenceId: row.id,
    })),
  ];
}

/** The actions answering each theme: linked directly, or delivering a linked priority. */
export async function actionsAnswering(db: Executor, partnershipId: string, themeIds: string[]) {
  const coverage = await evidenceCoverage(
    db,
    partnershipId,
    themeIds.map((referenceId) => ({ kind: "theme" as const, referenceId })),
  );
  return new Map(coverage.map((row) => [row.referenceId, row]));
}

/** A removed theme's evidence links go with it (each removal audited by strategy). */
export async function removeThemeEvidence(db: Db, audit: AuditContext, partnershipId: string, themeId: string) {
  for (const link of await linksOf(db, partnershipId, [themeId]))
    if (link.evidenceId)
      await removeEvidence(db, audit, partnershipId, { type: link.kind, id: link.id }, link.evidenceId);
}
