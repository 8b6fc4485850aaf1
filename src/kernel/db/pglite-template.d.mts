import type { PGlite } from "@electric-sql/pglite";

export function emptyClusterFile(): string;
export function readEmptyCluster(): Promise<Blob | undefined>;
export function saveEmptyCluster(db: PGlite): Promise<void>;
