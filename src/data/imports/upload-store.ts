import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * Uploaded files wait here between preview and "Confirm import", keyed by an unguessable
 * token and bound to the user and partnership that uploaded them. Files older than a day go.
 */
const metaSchema = z.object({
  partnershipId: z.string(),
  userId: z.string(),
  kind: z.string(),
  fileName: z.string(),
  options: z.record(z.string(), z.unknown()),
  /** Why the kind was chosen, when it was worked out from the file. */
  recognisedAs: z.string().max(500).optional(),
  createdAt: z.number(),
});
export type PendingUpload = z.infer<typeof metaSchema>;

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function dir(dataDir: string): string {
  return path.join(dataDir, "uploads");
}

export async function savePending(
  dataDir: string,
  meta: Omit<PendingUpload, "createdAt">,
  bytes: Buffer,
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await mkdir(dir(dataDir), { recursive: true, mode: 0o700 });
  await writeFile(path.join(dir(dataDir), `${token}.bin`), bytes, { mode: 0o600 });
  await writeFile(path.join(dir(dataDir), `${token}.json`), JSON.stringify({ ...meta, createdAt: Date.now() }), {
    mode: 0o600,
  });
  return token;
}

/** The pending upload, only for the same user and partnership, and only while fresh. */
export async function loadPending(
  dataDir: string,
  token: string,
  owner: { userId: string; partnershipId: string },
): Promise<{ meta: PendingUpload; bytes: Buffer } | null> {
  if (!TOKEN.test(token)) return null;
  try {
    const meta = metaSchema.parse(JSON.parse(await readFile(path.join(dir(dataDir), `${token}.json`), "utf8")));
    if (meta.userId !== owner.userId || meta.partnershipId !== owner.partnershipId) return null;
    if (Date.now() - meta.createdAt > MAX_AGE_MS) {
      await dropPending(dataDir, token);
      return null;
    }
    return { meta, bytes: await readFile(path.join(dir(dataDir), `${token}.bin`)) };
  } catch {
    return null;
  }
}

export async function updatePendingOptions(dataDir: string, token: string, meta: PendingUpload): Promise<void> {
  if (!TOKEN.test(token)) return;
  await writeFile(path.join(dir(dataDir), `${token}.json`), JSON.stringify(meta), { mode: 0o600 });
}

export async function dropPending(dataDir: string, token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  await rm(path.join(dir(dataDir), `${token}.bin`), { force: true });
  await rm(path.join(dir(dataDir), `${token}.json`), { force: true });
}
