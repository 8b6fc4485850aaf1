import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Executor } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { formSubmissions } from "./tables.ts";

/** The hidden field of a form sent once (rendered by forms/views/once.njk). */
export const ONCE_FIELD = "_once";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How long a second post waits for the first to finish before it is told to check. */
const WAIT_MS = 10_000;
const POLL_MS = 100;

/** A fresh token for a form being rendered. */
export function onceToken(): string {
  return randomUUID();
}

/** The token a post carries, if it is one (posts without it, from scripts or tests, are not guarded). */
export function postedOnceToken(body: unknown): string | undefined {
  const value = (body as Record<string, unknown> | null | undefined)?.[ONCE_FIELD];
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : undefined;
}

type Claim =
  | { ok: true; release: () => Promise<void>; done: (location: string) => Promise<void> }
  | { ok: false; location: string };

/**
 * Claims a form's token before saving. The first post gets `ok` and must call `done(location)` after
 * saving, or `release()` if nothing was saved (a validation error, a failure) so the corrected form
 * can be sent. A repeat post waits for the first (without blocking the event loop) and gets where it
 * went; if the first is still saving after 10 seconds it is a 409 page, nothing saved twice.
 */
export async function claimOnce(db: Executor, request: FastifyRequest, token: string): Promise<Claim> {
  const actorKey = request.actor?.userId ?? "anonymous";
  const key = and(eq(formSubmissions.token, token), eq(formSubmissions.actorKey, actorKey));
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const claimed = await db
      .insert(formSubmissions)
      .values({ token, actorKey })
      .onConflictDoNothing()
      .returning({ token: formSubmissions.token });
    if (claimed.length) {
      return {
        ok: true,
        release: async () => {
          await db.delete(formSubmissions).where(key);
        },
        done: async (location) => {
          await db.update(formSubmissions).set({ location }).where(key);
        },
      };
    }
    const [row] = await db.select({ location: formSubmissions.location }).from(formSubmissions).where(key);
    if (row?.location) return { ok: false, location: row.location };
    if (Date.now() > deadline)
      throw new AppError(
        "CONFLICT",
        "This form is already being sent. Check whether your change was saved before sending it again.",
      );
    // Still being saved by the first post (or just released by it: the next loop claims it).
    if (row) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Tokens older than a day: no repeat post comes that late. */
export async function purgeOldSubmissions(db: Executor): Promise<number> {
  const removed = await db
    .delete(formSubmissions)
    .where(lt(formSubmissions.createdAt, sql`now() - interval '1 day'`))
    .returning({ token: formSubmissions.token });
  return removed.length;
}

/**
 * Runs a form's save once per rendered form: with a token, a repeat post is not saved again and
 * gets the first post's destination (`repeated`); without one (scripts, API clients) it just saves.
 */
export async function saveOnce(
  db: Executor,
  request: FastifyRequest,
  save: () => Promise<string>,
): Promise<{ location: string; repeated: boolean }> {
  const token = postedOnceToken(request.body);
  if (!token) return { location: await save(), repeated: false };
  const claim = await claimOnce(db, request, token);
  if (!claim.ok) return { location: claim.location, repeated: true };
  let location: string;
  try {
    location = await save();
  } catch (error) {
    await claim.release();
    throw error;
  }
  await claim.done(location);
  return { location, repeated: false };
}
