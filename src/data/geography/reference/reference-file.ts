/**
 * The reference geography file: JSON with one record a line (readable diffs between
 * versions), its version a hash of the content, so a release that changes it is loaded once.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ReferenceGeography } from "./build-reference.ts";

export const REFERENCE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "uk-geography.json");

const year = z.number().int().min(1900).max(2100).nullable();
const code = z.string().regex(/^[EKNSW]\d{8}$/);
const schema = z.object({
  name: z.literal("uk-geography"),
  version: z.string().min(8),
  attribution: z.string().min(1),
  sources: z.array(z.object({ file: z.string(), sha256: z.string(), what: z.string() })),
  areas: z.array(z.tuple([code, z.string().min(1), z.string(), z.number().int().min(0).max(3), year, year])),
  parents: z.array(z.tuple([code, code])),
  changes: z.array(z.tuple([code, z.string(), code.nullable(), z.string().nullable(), z.string(), z.number().int()])),
  formerNames: z.array(z.tuple([code, z.string().min(1), year])),
});

export function serialiseReference(
  built: Omit<ReferenceGeography, "version" | "sources">,
  sources: ReferenceGeography["sources"],
): string {
  const lines = (list: readonly unknown[]) => list.map((item) => JSON.stringify(item)).join(",\n");
  const body = `"areas": [\n${lines(built.areas)}\n],\n"parents": [\n${lines(built.parents)}\n],\n"changes": [\n${lines(built.changes)}\n],\n"formerNames": [\n${lines(built.formerNames)}\n]`;
  const version = createHash("sha256").update(body).digest("hex").slice(0, 16);
  return `{\n"name": "uk-geography",\n"version": ${JSON.stringify(version)},\n"attribution": ${JSON.stringify(built.attribution)},\n"sources": [\n${lines(sources)}\n],\n${body}\n}\n`;
}

export async function readReference(file = REFERENCE_FILE): Promise<ReferenceGeography & { sha256: string }> {
  const text = await readFile(file, "utf8");
  const parsed = schema.parse(JSON.parse(text)) as ReferenceGeography;
  return { ...parsed, sha256: createHash("sha256").update(text).digest("hex") };
}
