import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { auditPaths } from "./paths.ts";
import { listPartnershipsWhere, type PartnershipRow } from "../partnerships/index.ts";
import { actionLabel, describeChanges } from "./changes.ts";
import { distinctActions, searchAudit } from "./repository.ts";
import { type AuditQuery, auditQuery, PAGE_SIZE } from "./schemas.ts";

function pageLink(basePath: string, query: AuditQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value !== undefined && value !== "" && !(key === "page" && page === 1)) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${basePath}?${text}` : basePath;
}

function pagination(basePath: string, query: AuditQuery, total: number) {
  const page = query.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return {
    page,
    pages,
    first: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
    last: Math.min(total, page * PAGE_SIZE),
    previous: page > 1 ? { href: pageLink(basePath, query, page - 1) } : undefined,
    next: page < pages ? { href: pageLink(basePath, query, page + 1) } : undefined,
  };
}

export function registerAuditRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function render(reply: FastifyReply, rawQuery: unknown, basePath: string, partnership?: PartnershipRow) {
    const parsed = parseForm(auditQuery, rawQuery);
    const [actions, partnerships] = await Promise.all([
      distinctActions(db, partnership?.id),
      partnership ? Promise.resolve([]) : listPartnershipsWhere(db, { all: true }),
    ]);
    const page = {
      title: partnership ? `Audit log – ${partnership.name}` : "Audit log",
      basePath,
      partnership,
      actionItems: actions.map((action) => ({ value: action, text: actionLabel(action) })),
      partnershipItems: partnerships.map((row) => ({ value: row.id, text: row.name })),
    };
    if (!parsed.ok) {
      return reply
        .code(400)
        .view("audit-log/views/audit.njk", { ...page, errors: parsed.errors, values: parsed.values, entries: [] });
    }
    const query = parsed.data;
    const { total, rows } = await searchAudit(db, { ...query, scopePartnershipId: partnership?.id });
    return reply.view("audit-log/views/audit.njk", {
      ...page,
      values: query,
      total,
      pagination: pagination(basePath, query, total),
      entries: rows.map((row) => ({
        ...row,
        actionText: actionLabel(row.action),
        changes: describeChanges(row.before, row.after),
      })),
    });
  }

  app.get(auditPaths.all.pattern, needs(auditPaths.all, { allow: "audit:read-all" }), async (request, reply) =>
    render(reply, request.query, auditPaths.all()),
  );

  const partnershipAudit = auditPaths.partnership;
  app.get(
    partnershipAudit.pattern,
    needs(partnershipAudit, { partnership: "partnership:read-audit" }),
    async (request, reply) => {
      const partnership = request.partnership;
      const { partnershipId: _ignored, ...query } = request.query as Record<string, unknown>;
      return render(reply, query, auditPaths.partnership(partnership.id), partnership);
    },
  );
}
