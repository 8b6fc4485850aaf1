// Run by `npm ci` / `npm install` (postinstall): makes the dump of an empty PGlite cluster that
// every new embedded database starts from (src/kernel/db/pglite-template.mjs), so that even the
// first `cpah migrate` or `npm run demo` of a new installation skips PGlite's initdb (about 3 s
// of a fresh migrate). Best effort and quiet: if anything fails, the first database simply makes
// the dump itself, as before; an install never fails for it.
import { existsSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { emptyClusterFile, saveEmptyCluster } from "../src/kernel/db/pglite-template.mjs";

try {
  const file = emptyClusterFile();
  if (!existsSync(file)) {
    const started = performance.now();
    const db = await PGlite.create();
    await saveEmptyCluster(db);
    await db.close();
    if (existsSync(file))
      console.log(`cpah: empty embedded cluster prepared in ${Math.round(performance.now() - started)} ms (${file})`);
  }
} catch (error) {
  console.log(`cpah: the empty embedded cluster was not prepared (${error instanceof Error ? error.message : error}); the first database will make it`);
}
