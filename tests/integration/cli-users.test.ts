import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";

// The real `cpah` binary against its own embedded database: slow (a PGlite start per run), so few runs.
let dataDir: string;

function cpah(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["bin/cpah.js", ...args], {
    input,
    encoding: "utf8",
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: "silent",
      NODE_ENV: "test",
      PUBLIC_URL: "https://hub.example.org",
    },
    timeout: 300_000, // the demo seed alone passed 120 s on a busy CI machine
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "cpah-cli-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("cpah user and demo commands", () => {
  // Seven `cpah` processes, each loading the app through tsx and opening PGlite: on a busy 2-core
  // CI machine (load ~12) they took 280 s, so allow for that.
  it("seeds the demo without serving, then adds users and roles through the services", {
    timeout: 600_000,
  }, async () => {
    const demo = cpah(["demo", "--no-serve"]);
    expect(demo.code, demo.err).toBe(0);
    expect(demo.out).toContain("dundee.lead@example.org");

    const invited = cpah([
      "user",
      "add",
      "--email",
      "new.person@example.org",
      "--name",
      "New Person",
      "--organisation",
      "nhs tayside (demo)",
      "--invite",
    ]);
    expect(invited.code, invited.err).toBe(0);
    expect(invited.out).toMatch(/https:\/\/hub\.example\.org\/invitations\/[A-Za-z0-9_-]{40,}/);

    const unknownOrg = cpah([
      "user",
      "add",
      "--email",
      "a@example.org",
      "--name",
      "A",
      "--organisation",
      "Nowhere Council",
    ]);
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.err).toContain('No organisation is called "Nowhere Council"');

    const role = cpah([
      "user",
      "role",
      "--email",
      "new.person@example.org",
      "--partnership",
      "Dundee Child Poverty Partnership (fictional demo)",
      "--role",
      "editor",
    ]);
    expect(role.code, role.err).toBe(0);
    expect(role.out).toContain("is an editor of Dundee Child Poverty Partnership (fictional demo)");

    const lastLead = cpah([
      "user",
      "role",
      "--email",
      "dundee.lead@example.org",
      "--partnership",
      "Dundee Child Poverty Partnership (fictional demo)",
      "--role",
      "none",
    ]);
    expect(lastLead.code).toBe(2);
    expect(lastLead.err).toContain("must keep at least one lead");

    const unknownEmail = cpah(["user", "role", "--email", "ghost@example.org", "--coordinator", "wales"]);
    expect(unknownEmail.code).toBe(2);
    expect(unknownEmail.err).toContain("No user has the email address ghost@example.org");

    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.db
        .select({ label: auditLog.actorLabel, action: auditLog.action })
        .from(auditLog)
        .where(sql`${auditLog.actorLabel} = 'cli'`)
        .orderBy(auditLog.id);
      expect(rows.map((row) => row.action)).toEqual(["user.created", "invitation.created", "partnership_role.granted"]);
    } finally {
      await database.close();
    }
  });
});
