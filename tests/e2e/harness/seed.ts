import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AuditContext } from "../../../src/kernel/audit/audit.ts";
import type { Database } from "../../../src/kernel/db/database.ts";
import { fixtures, TEST_PASSWORD } from "../../helpers/test-app.ts";

/** One person the browser signs in as; the shape `seedDemo` returns. */
export interface SignInDetails {
  role: string;
  email: string;
  password: string;
  partnership?: string | null;
}

type SeedDemo = (database: Database, auditContext?: AuditContext) => Promise<SignInDetails[]>;

const demoModule = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../src/demo/seed/index.ts");
const seedContext: AuditContext = { actorUserId: null, actorLabel: "end-to-end test seed" };

/**
 * Seeds with the project's demo data when the demo domain exists (so the crawl covers
 * everything the demo shows), otherwise with a small seed covering each kind of person.
 */
export async function seedForEndToEnd(database: Database): Promise<SignInDetails[]> {
  if (existsSync(demoModule)) {
    const demo = (await import(pathToFileURL(demoModule).href)) as { seedDemo?: SeedDemo };
    if (typeof demo.seedDemo !== "function") throw new Error(`${demoModule} does not export seedDemo`);
    const signIns = await demo.seedDemo(database, seedContext);
    if (signIns.length === 0) throw new Error("seedDemo returned no sign-ins");
    return signIns;
  }
  return fallbackSeed(database);
}

async function fallbackSeed(database: Database): Promise<SignInDetails[]> {
  const council = await fixtures.organisation(database, "Northshire Council (fictional)");
  const board = await fixtures.organisation(database, "Glenmore Health Board (fictional)", "health-board");
  const northshire = await fixtures.partnership(
    database,
    "Northshire Child Poverty Partnership",
    "england",
    "E06000001",
    "Northshire",
  );
  const glenmore = await fixtures.partnership(
    database,
    "Glenmore Child Poverty Partnership",
    "scotland",
    "S12000001",
    "Glenmore",
  );
  const admin = await fixtures.user(database, "admin@hub.example", council.id, { admin: true });
  const coordinator = await fixtures.user(database, "coordinator@hub.example", board.id, { nations: ["scotland"] });
  const lead = await fixtures.user(database, "lead@northshire.example", council.id, {
    roles: [[northshire.id, "lead"]],
  });
  const viewer = await fixtures.user(database, "viewer@glenmore.example", board.id, {
    roles: [[glenmore.id, "viewer"]],
  });
  return [
    { role: "platform administrator", email: admin.email, password: TEST_PASSWORD, partnership: null },
    { role: "national coordinator (Scotland)", email: coordinator.email, password: TEST_PASSWORD, partnership: null },
    { role: "partnership lead", email: lead.email, password: TEST_PASSWORD, partnership: northshire.name },
    { role: "partnership viewer", email: viewer.email, password: TEST_PASSWORD, partnership: glenmore.name },
  ];
}
