/**
 * Accessibility check of the strategy, action plan, monitoring and proofing pages: runs axe
 * (WCAG 2.2 AA) in real Chromium against a demo partnership, including error states.
 * Run: npx tsx scripts/e2e/strategy-axe.ts   (exits 1 on any violation)
 */
import { writeFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium } from "playwright-core";
import { buildApp } from "../../src/app.ts";
import { partnershipRoles, users } from "../../src/workspace/access/index.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { partnershipMembers, partnerships } from "../../src/workspace/partnerships/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { hashPassword } from "../../src/kernel/auth/passwords.ts";
import { loadConfig } from "../../src/kernel/config/config.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../src/data/geography/index.ts";
import { buildAssets } from "../../src/kernel/http/assets.ts";

const config = loadConfig({
  NODE_ENV: "test",
  SESSION_SECRET: "axe-secret-axe-secret-axe-secret-axe-0001",
  COOKIE_SECURE: "false",
  LOG_LEVEL: "silent",
  DATA_DIR: "./tmp/axe-data",
  PORT: "0",
});
await buildAssets();
const database = await openDatabase({});
await prepareDatabase(database);
const db = database.db;
const orgs = await db
  .insert(organisations)
  .values(["Axebridge Council", "NHS Axebridge", "Axebridge Jobcentre Plus"].map((name) => ({ name, type: "council" })))
  .returning();
const [partnership] = await db
  .insert(partnerships)
  .values({
    name: "Axebridge Partnership",
    nation: "scotland",
    areaCode: "S12000098",
    areaName: "Axebridge",
    isFictional: true,
  })
  .returning();
const pid = partnership!.id;
await db.insert(partnershipMembers).values(orgs.map((row) => ({ partnershipId: pid, organisationId: row.id })));
await buildDemoStrategy(db, { partnershipId: pid, financialYear: 2024 });
const [user] = await db
  .insert(users)
  .values({
    email: "lead@axebridge.example",
    name: "Lead",
    organisationId: orgs[0]!.id,
    passwordHash: await hashPassword("axe password 1234"),
  })
  .returning();
await db.insert(partnershipRoles).values({ userId: user!.id, partnershipId: pid, role: "lead" });

const { app } = await buildApp({ config, database, logger: false });
const base = await app.listen({ host: "127.0.0.1", port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const page = await (await browser.newContext()).newPage();
let failures = 0;

async function check(label: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const count = result.violations.length;
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${label.replace(/\W+/g, "-")}.png`, fullPage: true });
  process.stdout.write(`${count ? "FAIL" : "ok  "} ${label} (${page.url().replace(base, "")})\n`);
  for (const violation of result.violations) {
    failures++;
    process.stdout.write(`     ${violation.id}: ${violation.help}\n`);
    for (const node of violation.nodes.slice(0, 3)) process.stdout.write(`       ${node.target.join(" ")}\n`);
  }
}

async function expectErrorSummary(label: string) {
  if ((await page.locator(".govuk-error-summary").count()) === 0) {
    failures++;
    process.stdout.write(`FAIL ${label}: expected an error summary\n`);
  }
}

async function visit(path: string, label: string) {
  await page.goto(`${base}${path}`);
  await check(label);
}

await page.goto(`${base}/sign-in`);
await page.fill("#email", "lead@axebridge.example");
await page.fill("#password", "axe password 1234");
await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
if (!page.url().includes("/dashboard"))
  throw new Error(`Sign-in failed: ${page.url()} ${(await page.textContent("main"))?.slice(0, 300)}`);

const root = `/partnerships/${pid}`;
await visit(`${root}/strategy`, "strategy");
await visit(`${root}/strategy/edit`, "strategy edit");
await visit(`${root}/strategy/priorities/new`, "add priority");
await visit(`${root}/strategy/sign-offs/new`, "record sign-off");
await visit(`${root}/strategy/related/new`, "related strategy");
await visit(`${root}/strategy/choices/new`, "strategic choice");
await visit(`${root}/actions`, "action list");
await visit(`${root}/actions?rag=red`, "action list filtered");
await visit(`${root}/actions/new`, "new action");
await page.click("main form button.govuk-button[type=submit]");
await check("new action with errors");
await expectErrorSummary("new action with errors");
const actionHref = await page
  .goto(`${base}${root}/actions`)
  .then(() => page.getAttribute("table a.govuk-link", "href"));
await visit(actionHref!, "action detail");
await visit(`${actionHref}/edit`, "action edit");
await visit(`${actionHref}/budgets/new`, "add budget");
await visit(`${actionHref}/updates/new`, "progress update");
await page.check("#status-3"); // red
await page.fill("#reason", "");
await page.click("main form button.govuk-button[type=submit]");
await check("progress update with errors");
await expectErrorSummary("progress update with errors");
await visit(`${root}/monitoring`, "monitoring dashboard");
await visit(`${root}/proofing`, "proofing");
await visit(`${root}/proofing/new`, "proofing new");
await visit(`${root}/actions/import`, "import upload");
const csv = "Ref,Title,Lead organisation\nX1,Good,Axebridge Council\nX2,,Nobody\n";
writeFileSync("./tmp/axe-plan.csv", csv);
await page.setInputFiles("#file", "./tmp/axe-plan.csv");
await page.click("main form button.govuk-button[type=submit]");
await page.waitForURL(/import\/[0-9a-f-]{36}$/);
await check("import mapping");
await page.click("main form button.govuk-button[type=submit]");
await page.waitForURL(/check$/);
await check("import validation report");
await expectErrorSummary("import validation report");

await browser.close();
await app.close();
await database.close();
process.stdout.write(failures ? `${failures} violations\n` : "No axe violations\n");
process.exit(failures ? 1 : 0);
