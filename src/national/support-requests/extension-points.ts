import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";

export interface LinkedActivity {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
}

/** The joint plan activities answering each request, by request id (filled by the joint plan). */
export const requestActivities =
  extensionPoint<(db: Executor, requestIds: string[]) => Promise<Map<string, LinkedActivity[]>>>(
    "support request activities",
  );
