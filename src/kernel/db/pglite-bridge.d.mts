import type net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

export type Frame =
  | { kind: "startup"; bytes: Buffer }
  | { kind: "encryption-request" }
  | { kind: "cancel-request" }
  | { kind: "message"; type: string; bytes: Buffer };

export function readFrames(buffer: Buffer, started: boolean): { frames: Frame[]; rest: Buffer; started: boolean };
export function copyFromStdin(text: string): { statement: string; splittable: boolean } | null;
export function errorResponse(error: Record<string, unknown>): Buffer;
export function servePglite(db: PGlite): { server: net.Server; shutdown(): Promise<void> };
