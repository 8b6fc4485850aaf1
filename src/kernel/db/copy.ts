import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { yieldToEventLoop } from "./arrays.ts";
import { type Executor, isEmbedded } from "./database.ts";

/** The driver connection under a Drizzle transaction: COPY is not part of Drizzle's API. */
export interface RawConnection {
  kind: "pglite" | "postgres";
  client: pg.ClientBase;
}

/**
 * The single connection a Drizzle transaction runs on, or null when there is none (a pool
 * outside a transaction: COPY and the statements after it must share one connection). Callers
 * fall back to plain statements on null.
 */
export function rawConnectionOf(executor: Executor): RawConnection | null {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || client instanceof pg.Pool || !(client instanceof pg.Client)) return null;
  return { kind: isEmbedded(client) ? "pglite" : "postgres", client };
}

/** Which database a Drizzle database or transaction runs on (null if unknown). */
export function driverOf(executor: Executor): "pglite" | "postgres" | null {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) return isEmbedded(client) ? "pglite" : "postgres";
  return null;
}

export interface CopyRows {
  /** e.g. `observations (indicator_id, period_id, …)`: trusted SQL, never user input. */
  target: string;
  rows: number;
  /** Rows [start, end) in COPY text format, each line ending in \n (bytes: no string for the stream to encode). */
  render(start: number, end: number): string | Uint8Array;
  /** Fixed rows per chunk, for rows rendered beforehand (the bench's raw COPY); else sized by render time. */
  chunkRows?: number;
  onProgress?: ((done: number) => void) | undefined;
}

/**
 * Rows per chunk streamed: the first chunk's size; after it each chunk is sized so rendering it
 * takes about RENDER_MS of our thread (a fixed 10,000 rows took 40–140 ms on a busy machine,
 * a stall for every request waiting behind it).
 */
const FIRST_CHUNK = 2_000;
const MIN_CHUNK = 200;
const MAX_CHUNK = 20_000;
const RENDER_MS = 8;

/**
 * COPY rows into a table on the transaction's own connection: one streamed COPY … FROM STDIN
 * (the embedded database's bridge loads it through PGlite's /dev/blob, ADR 0014), with the
 * event loop given a turn between chunks. The stream reads ahead of the database, so the next
 * chunks are rendered while the database is still loading the last ones (it runs on another
 * thread or in another process). Returns false (nothing written) when there is no raw connection.
 */
export async function copyRows(executor: Executor, copy: CopyRows): Promise<boolean> {
  const connection = rawConnectionOf(executor);
  if (!connection) return false;
  if (copy.rows === 0) return true;
  const stream = connection.client.query(copyFrom(`copy ${copy.target} from stdin`));
  async function* chunks() {
    let size = copy.chunkRows ?? FIRST_CHUNK;
    for (let start = 0; start < copy.rows; ) {
      const end = Math.min(start + size, copy.rows);
      const began = performance.now();
      const text = copy.render(start, end);
      const took = Math.max(performance.now() - began, 0.5);
      if (!copy.chunkRows)
        size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, (end - start) * Math.min(2, RENDER_MS / took))));
      yield text;
      copy.onProgress?.(end);
      start = end;
      await yieldToEventLoop();
    }
  }
  await pipeline(Readable.from(chunks()), stream);
  return true;
}
