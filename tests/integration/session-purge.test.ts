import { sql } from "drizzle-orm";
import { describe, expect, vi } from "vitest";
import { scheduleSessionPurge } from "../../src/kernel/auth/session-purge.ts";
import { sessions } from "../../src/kernel/auth/tables.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { dbTest } from "../helpers/app-test.ts";

let userId: string;
let n = 0;

const test = dbTest
  .extend(
    "addSession",
    { scope: "file" },
    ({ database }) =>
      async function addSession(expiresInMinutes: number): Promise<void> {
        await database.db.insert(sessions).values({
          idHash: `session-${n++}`,
          userId,
          expiresAt: sql`now() + make_interval(mins => ${expiresInMinutes})`,
        });
      },
  )
  .extend(
    "remaining",
    { scope: "file" },
    ({ database }) =>
      async function remaining(): Promise<number> {
        const rows = await database.db.select({ idHash: sessions.idHash }).from(sessions);
        return rows.length;
      },
  );

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.beforeAll(async ({ fixtures }) => {
  const org = await fixtures.organisation("Org");
  userId = (await fixtures.user("someone@example.org", org.id)).id;
}, 60_000);

describe("expired session purge", () => {
  test("purges at start and on each tick, keeps live sessions, logs, and stops for good", async ({
    database,
    addSession,
    remaining,
  }) => {
    await addSession(-60);
    await addSession(-1);
    await addSession(60);
    const logged: object[] = [];
    const purge = scheduleSessionPurge(database.db, {
      intervalMs: 40,
      log: { info: (obj) => logged.push(obj), error: (obj) => logged.push(obj) },
    });
    await purge.firstRun;
    expect(await remaining()).toBe(1);
    expect(logged).toEqual([{ removed: 2 }]);

    await addSession(-5);
    await wait(150);
    expect(await remaining()).toBe(1);

    await purge.stop();
    await addSession(-5);
    await wait(150);
    expect(await remaining()).toBe(2);
    await database.db.delete(sessions);
  });

  test("logs a failed purge instead of throwing, and does not keep the process alive", async () => {
    const errors: object[] = [];
    const broken = {
      delete: () => {
        throw new Error("database gone");
      },
    } as unknown as Database["db"];
    const spy = vi.spyOn(globalThis, "setInterval");
    const purge = scheduleSessionPurge(broken, {
      intervalMs: 60_000,
      log: { info: () => {}, error: (obj) => errors.push(obj) },
    });
    const timer = spy.mock.results[0]!.value as NodeJS.Timeout;
    spy.mockRestore();
    await purge.firstRun;
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as { err: Error }).err.message)).toBe("database gone");
    // The interval is unref'd, so it never holds the process open on its own.
    expect(timer.hasRef()).toBe(false);
    await purge.stop();
  });
});
