import type pg from "pg";

/**
 * Makes a pooled client run promise-style queries one after another by itself.
 *
 * Inside a transaction every statement shares one client, and repositories start several reads
 * together (`Promise.all` over one executor). `pg` still queues them on the client, but calls
 * that reach it while it is busy are deprecated and will be refused by pg 9 ("Calling
 * client.query() when the client is already executing a query"). This is the "external flow
 * control" pg asks for, in one place instead of at every call site: each query waits for the
 * one before it on the same client. Callback queries (the pool's own `pool.query`, which has the
 * client to itself) and submittables (COPY streams, awaited to their end by their callers) pass
 * through unchanged.
 */
export function serializeQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
