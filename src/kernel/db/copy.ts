import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { yieldToEventLoop } from "./arrays.ts";
import type { Executor } from "./database.ts";

interface PgliteQueryable {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** The driver connection under a Drizzle transaction: COPY is not part of Drizzle's API. */
export type RawConnection = { kind: "postgres"; client: pg.ClientBase } | { kind: "pglite"; client: PgliteQueryable };

/**
 * The single connection a Drizzle transaction runs on, or null when there is none (a pool
 * outside a transaction: COPY and the statements after it must share one connection, or an
 * unknown driver). Callers fall back to plain statements on null.
 */
export function rawConnectionOf(executor: Executor): RawConnection | null {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || client instanceof pg.Pool) return null;
  if (client instanceof pg.Client) return { kind: "postgres", client };
  const candidate = client as Partial<PgliteQueryable> & { rollback?: unknown };
  // A PGlite transaction object (query + rollback); PGlite itself would also do, but writers
  // only copy inside a transaction so that all-or-nothing holds.
  if (typeof candidate.query === "function" && typeof candidate.rollback === "function")
    return { kind: "pglite", client: candidate as PgliteQueryable };
  return null;
}

/** Which driver a Drizzle database or transaction runs on (null if unknown). */
export function driverOf(executor: Executor): "pglite" | "postgres" | null {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) return "postgres";
  const candidate = client as { query?: unknown; exec?: unknown } | undefined;
  return typeof candidate?.query === "function" && typeof candidate.exec === "function" ? "pglite" : null;
}

export interface CopyRows {
  /** e.g. `observations (indicator_id, period_id, …)`: trusted SQL, never user input. */
  target: string;
  rows: number;
  /** Rows [start, end) in COPY text format, each line ending in \n. */
  render(start: number, end: number): string;
  onProgress?: ((done: number) => void) | undefined;
}

/** Rows per chunk streamed to PostgreSQL: small enough that rendering one never blocks for long. */
const SERVER_CHUNK = 10_000;
/**
 * PGlite runs each COPY on our thread: chunk size adapts so a statement takes about this long
 * by the wall clock (what a waiting request sees; CPU-time sizing let statements run to
 * 60–140 ms on a busy machine).
 */
const TARGET_STATEMENT_MS = 20;
const MIN_CHUNK = 500;
const MAX_CHUNK = 40_000;

/**
 * COPY rows into a table on the transaction's own connection: one streamed COPY … FROM STDIN
 * on PostgreSQL; on PGlite one COPY … FROM '/dev/blob' per chunk, with the event loop given a
 * turn between chunks. Returns false (nothing written) when there is no raw connection.
 */
export async function copyRows(executor: Executor, copy: CopyRows): Promise<boolean> {
  const connection = rawConnectionOf(executor);
  if (!connection) return false;
  if (copy.rows === 0) return true;
  if (connection.kind === "postgres") {
    const stream = connection.client.query(copyFrom(`copy ${copy.target} from stdin`));
    async function* chunks() {
      for (let start = 0; start < copy.rows; start += SERVER_CHUNK) {
        const end = Math.min(start + SERVER_CHUNK, copy.rows);
        yield copy.render(start, end);
        copy.onProgress?.(end);
        await yieldToEventLoop();
      }
    }
    await pipeline(Readable.from(chunks()), stream);
    return true;
  }
  let size = 5_000;
  for (let start = 0; start < copy.rows; ) {
    const end = Math.min(start + size, copy.rows);
    const began = performance.now();
    const blob = new Blob([copy.render(start, end)]);
    await connection.client.query(`copy ${copy.target} from '/dev/blob'`, [], { blob });
    const took = Math.max(performance.now() - began, 1);
    size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, size * Math.min(2, TARGET_STATEMENT_MS / took))));
    start = end;
    copy.onProgress?.(end);
    await yieldToEventLoop();
  }
  return true;
}
