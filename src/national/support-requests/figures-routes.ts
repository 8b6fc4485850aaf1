import type { FastifyInstance } from "fastify";
import { addDays, londonToday } from "../../kernel/time.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import type { Nation } from "../../kernel/auth/policy.ts";

import { hubFor } from "../partners-group/index.ts";
import { requestFigures } from "./figures.ts";
import { requestPaths as paths } from "./paths.ts";
import { listGroupRequests } from "./repository.ts";

const read = { nation: "hub:read" } as const;

const days = (value: number | null) =>
  value === null
    ? "No data"
    : `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })} day${value === 1 ? "" : "s"}`;

/** The group's figures over the last 12 months: time to first response, open by provider, unmet demand. */
export function registerFiguresRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function load(request: ParsedRequest<{ nation: Nation }>) {
    const hub = await hubFor(db, request);
    const today = londonToday();
    const from = addDays(today, -365);
    const requests = await listGroupRequests(db, hub.group.id, { since: new Date(`${from}T00:00:00Z`) });
    return { hub, period: { from, to: today }, figures: requestFigures(requests, today) };
  }

  app.get(paths.figures.pattern, needs(paths.figures, read), async (request, reply) => {
    const { hub, period, figures } = await load(request);
    return reply.view("support-requests/views/figures.njk", {
      title: `Support figures – ${hub.group.name}`,
      hub,
      period,
      figures,
      days,
    });
  });

  app.get(paths.figuresCsv.pattern, needs(paths.figuresCsv, read), async (request, reply) => {
    const { hub, period, figures } = await load(request);
    const rows: (string | number)[][] = [
      ["Time to first response", "Median (days)", figures.firstResponse.medianDays ?? "no data", "", "", ""],
      ["Time to first response", "90th percentile (days)", figures.firstResponse.p90Days ?? "no data", "", "", ""],
      ["Time to first response", "Requests answered", figures.firstResponse.responded, "", "", ""],
      ["Time to first response", "Open, waiting for a first response", figures.firstResponse.waiting, "", "", ""],
      ...figures.openByProvider.map((row) => [
        "Open by provider",
        row.name,
        row.assigned,
        row.inProgress,
        row.awaitingClose,
        row.total,
      ]),
      ...figures.unmetByType.map((row) => [
        "Unmet demand by type of support",
        row.label,
        row.declined,
        row.unassigned,
        row.overdue,
        row.total,
      ]),
      ...figures.unmetByDriver.map((row) => [
        "Unmet demand by driver",
        row.label,
        row.declined,
        row.unassigned,
        row.overdue,
        row.total,
      ]),
    ];
    return sendCsv(
      reply,
      `support-figures-${hub.nation}-${period.to}.csv`,
      [
        `Figure (requests made ${period.from} to ${period.to}; source: support requests in the hub)`,
        "Row",
        "Value, or declined / assigned",
        "Not assigned / in progress",
        "Overdue / done, waiting to close",
        "Total",
      ],
      rows,
    );
  });
}
