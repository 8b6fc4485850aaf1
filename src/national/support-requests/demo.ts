import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { supportRequestMessages, supportRequests } from "./tables.ts";

/**
 * For the demo only: moves a request and its thread back by `days`, answered `responseHours`
 * after it was made, so a year of requests shows real response times and overdue requests.
 */
export async function backdateRequestForDemo(
  db: Executor,
  id: string,
  days: number,
  responseHours: number,
  dueBy: string,
): Promise<void> {
  const shift = sql`make_interval(days => ${days})`;
  await db
    .update(supportRequests)
    .set({
      createdAt: sql`${supportRequests.createdAt} - ${shift}`,
      updatedAt: sql`${supportRequests.updatedAt} - ${shift} + make_interval(hours => ${responseHours * 2})`,
      triagedAt: sql`${supportRequests.triagedAt} - ${shift} + make_interval(hours => ${responseHours})`,
      firstResponseAt: sql`${supportRequests.firstResponseAt} - ${shift} + make_interval(hours => ${responseHours})`,
      doneAt: sql`${supportRequests.doneAt} - ${shift} + make_interval(hours => ${responseHours * 6})`,
      closedAt: sql`${supportRequests.closedAt} - ${shift} + make_interval(hours => ${responseHours * 8})`,
      dueBy,
    })
    .where(eq(supportRequests.id, id));
  // Thread entries keep their order, spread over the same days.
  await db
    .update(supportRequestMessages)
    .set({
      createdAt: sql`${supportRequestMessages.createdAt} - ${shift} + make_interval(hours => ${responseHours} * (${supportRequestMessages.sequence} % 7))`,
    })
    .where(eq(supportRequestMessages.requestId, id));
}
