import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawConnectionOf } from "../../src/kernel/db/copy.ts";
import type { Database, Tx } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

/**
 * The embedded database is served to `pg` by a bridge (ADR 0014); these are the behaviours the
 * app relies on, asserted identically on PGlite and on a PostgreSQL server.
 */
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table driver_check (id int primary key, value float8, label text)`);
});
afterAll(() => database.close());

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const count = async () =>
  Number(rowsOf<{ n: string }>(await database.db.execute(sql`select count(*) as n from driver_check`))[0]!.n);

async function copyInto(tx: Tx, lines: Iterable<string>): Promise<void> {
  const connection = rawConnectionOf(tx);
  if (!connection) throw new Error("no raw connection inside a transaction");
  const stream = connection.client.query(copyFrom("copy driver_check (id, value, label) from stdin"));
  await pipeline(Readable.from(lines), stream);
}

function* rows(from: number, to: number, perChunk = 5_000) {
  for (let start = from; start < to; start += perChunk) {
    let text = "";
    for (let id = start; id < Math.min(start + perChunk, to); id++) text += `${id}\t${id / 4}\tlabel ${id}\\tend\n`;
    yield text;
  }
}

describe("one driver for both databases", () => {
  it("returns int8 as text and float8 as a number, like PostgreSQL", async () => {
    const [row] = rowsOf<{ big: unknown; float: unknown }>(
      await database.db.execute(sql`select 9007199254740993::int8 as big, 0.25::float8 as float`),
    );
    expect(row).toEqual({ big: "9007199254740993", float: 0.25 });
  });

  it("commits a transaction, and rolls one back on an error", async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into driver_check values (1, 1, 'one')`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into driver_check values (2, 2, 'two')`);
        await tx.execute(sql`insert into driver_check values (1, 1, 'duplicate')`);
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(1);
    await database.db.execute(sql`delete from driver_check`);
  });

  it("COPYs rows inside a transaction (several MB, split across messages) and rolls them back with it", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await copyInto(tx, rows(0, 120_000));
        const inside = rowsOf<{ n: string; label: string }>(
          await tx.execute(sql`select count(*) as n, max(label) filter (where id = 7) as label from driver_check`),
        )[0]!;
        expect(inside).toEqual({ n: "120000", label: "label 7\tend" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await count()).toBe(0);

    await database.db.transaction((tx) => copyInto(tx, rows(0, 120_000)));
    expect(await count()).toBe(120_000);
    await database.db.execute(sql`delete from driver_check`);
  });

  it("a bad row fails the COPY with PostgreSQL's message, and the transaction with it", async () => {
    const failure = await database.db
      .transaction(async (tx) => {
        await copyInto(tx, ["1\t1\tfine\n", "2\tnot a number\tbad\n"]);
      })
      .catch((error: unknown) => error as { message: string; code?: string; cause?: { code?: string } });
    const error = failure as { message: string; code?: string; cause?: { code?: string; message: string } };
    expect(error.code ?? error.cause?.code).toBe("22P02");
    expect(error.cause?.message ?? error.message).toContain(
      'invalid input syntax for type double precision: "not a number"',
    );
    expect(await count()).toBe(0);
    // The connection is usable afterwards.
    expect(await count()).toBe(0);
  });

  it("a COPY the client abandons leaves the transaction failed, as on PostgreSQL", async () => {
    await database.db
      .transaction(async (tx) => {
        const connection = rawConnectionOf(tx)!;
        const stream = connection.client.query(copyFrom("copy driver_check (id, value, label) from stdin"));
        const failed = new Promise<{ code?: string }>((resolve) => stream.on("error", resolve));
        stream.write("1\t1\tone\n");
        stream.destroy(new Error("the reader gave up"));
        // The server's answer to the CopyFail: query_canceled, naming the reason.
        expect(await failed).toMatchObject({ code: "57014", message: "COPY from stdin failed: the reader gave up" });
        const next = await tx.execute(sql`select 1`).catch((error: { cause?: { code?: string } }) => error);
        expect((next as { cause?: { code?: string } }).cause?.code).toBe("25P02");
        throw new Error("abandoned");
      })
      .catch((error: Error) => expect(error.message).toBe("abandoned"));
    expect(await count()).toBe(0);
  });

  it("reuses named prepared statements", async () => {
    const connection = await database.withDedicatedConnection(async (db) => {
      const values: number[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await db.execute(sql`select ${i}::int + 1 as v`);
        values.push(rowsOf<{ v: number }>(result)[0]!.v);
      }
      return values;
    });
    expect(connection).toEqual([1, 2, 3]);
  });
  it("runs reads started together in a transaction one after another, never queued inside pg", async () => {
    // pg 9 refuses a query sent while its client is busy (pg 8 queues it with a deprecation
    // warning); kernel/db/serial-queries.ts makes each client wait for itself. pg's own queue
    // (`_queryQueue`, internal) is where such a query would wait: it must stay empty.
    const deepest = await database.db.transaction(async (tx) => {
      const client = rawConnectionOf(tx)!.client as unknown as { _queryQueue: unknown[] };
      let deepest = 0;
      const reads = Array.from({ length: 6 }, (_, i) =>
        tx.execute(sql`select ${i}::int as i, pg_sleep(0.01)`).then((result) => {
          deepest = Math.max(deepest, client._queryQueue.length);
          return rowsOf<{ i: number }>(result)[0]!.i;
        }),
      );
      for (let turn = 0; turn < 20; turn++) {
        deepest = Math.max(deepest, client._queryQueue.length);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(await Promise.all(reads)).toEqual([0, 1, 2, 3, 4, 5]);
      return deepest;
    });
    expect(deepest).toBe(0);
  });
});
