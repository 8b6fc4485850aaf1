/**
 * Invitations by email when SMTP_URL and MAIL_FROM are set: a real SMTP conversation with a
 * local smtp-server, and a refused connection for the failure path.
 */
import { createServer as createNetServer } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, users } from "../../src/workspace/access/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { ConfigError, loadConfig } from "../../src/kernel/config/config.ts";
import { createTestApp, fixtures, type TestApp } from "../helpers/test-app.ts";

interface Received {
  from: string;
  to: string[];
  data: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let mailApp: TestApp;
let brokenApp: TestApp;

function listen(
  server: { listen: (port: number, host: string, cb: () => void) => unknown; server?: unknown },
  port = 0,
): Promise<void> {
  return new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
}

/** A port nothing listens on: bind, read the number, close. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function setUp(app: TestApp) {
  const org = await fixtures.organisation(app.database, "Council");
  await fixtures.user(app.database, "admin@hub.example", org.id, { admin: true });
  const admin = app.client();
  await admin.signIn("admin@hub.example");
  return { admin, orgId: org.id };
}

async function auditActions(app: TestApp, entityId: string): Promise<{ action: string; after: unknown }[]> {
  return app.database.db
    .select({ action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.id);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await listen(smtp as unknown as Parameters<typeof listen>[0]);
  smtpPort = (smtp.server.address() as { port: number }).port;
  mailApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: "hub@council.example" });
  brokenApp = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
    MAIL_FROM: "hub@council.example",
  });
}, 60_000);
afterAll(async () => {
  await mailApp?.close();
  await brokenApp?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("invitation email", () => {
  it("emails the one-time link when SMTP is configured, and audits the send without the link", async () => {
    const { admin, orgId } = await setUp(mailApp);
    const response = await admin.post("/admin/users", {
      name: "Ivy Invitee",
      email: "ivy@hub.example",
      organisationId: orgId,
      method: "invite",
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Invitation emailed");
    expect(response.body).toContain("data-invitation-emailed");
    // The page does not show the link: it went to the person only.
    expect(response.body).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}/);
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe("hub@council.example");
    expect(received[0]!.to).toEqual(["ivy@hub.example"]);
    expect(received[0]!.data).toContain("Subject: Your invitation to Child Poverty Action Hub");
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(received[0]!.data.replace(/=\r?\n/g, ""))![1]!;
    // The emailed link is the real one-time link.
    const page = await mailApp.client().get(`/invitations/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Set your password");
    const [user] = await mailApp.database.db.select().from(users).where(eq(users.email, "ivy@hub.example"));
    const entries = await auditActions(mailApp, user!.id);
    expect(entries.map((e) => e.action)).toContain("invitation.emailed");
    expect(JSON.stringify(entries)).not.toContain(token);

    // A new invitation from the user's page is emailed too.
    const again = await admin.post(`/admin/users/${user!.id}/invitation`, {});
    expect(again.body).toContain("Invitation emailed");
    expect(received).toHaveLength(2);
  });

  it("keeps the invitation and shows the link when sending fails, saying so", async () => {
    const { admin, orgId } = await setUp(brokenApp);
    const response = await admin.post("/admin/users", {
      name: "Bo Bounce",
      email: "bo@hub.example",
      organisationId: orgId,
      method: "invite",
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("The invitation email could not be sent");
    expect(response.body).toContain("data-invitation-email-failed");
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(response.body)![1]!;
    expect((await brokenApp.client().get(`/invitations/${token}`)).statusCode).toBe(200);
    const [user] = await brokenApp.database.db.select().from(users).where(eq(users.email, "bo@hub.example"));
    expect(await brokenApp.database.db.select().from(invitations).where(eq(invitations.userId, user!.id))).toHaveLength(
      1,
    );
    expect((await auditActions(brokenApp, user!.id)).map((e) => e.action)).toContain("invitation.email-failed");
  });

  it("needs SMTP_URL and MAIL_FROM together, each checked", () => {
    const base = { NODE_ENV: "test", SESSION_SECRET: "x".repeat(32), DATA_DIR: "./tmp/test-data" };
    expect(() => loadConfig({ ...base, SMTP_URL: "smtp://mail.example.org" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SMTP_URL: "smtp://mail.example.org" })).toThrow(
      "MAIL_FROM: required with SMTP_URL",
    );
    expect(() => loadConfig({ ...base, SMTP_URL: "http://mail.example.org", MAIL_FROM: "a@b.example" })).toThrow(
      "SMTP_URL: must be an smtp://",
    );
    expect(() => loadConfig({ ...base, SMTP_URL: "smtp://mail.example.org", MAIL_FROM: "nobody" })).toThrow(
      "MAIL_FROM: must be an email address",
    );
    expect(loadConfig({ ...base }).mail).toBeUndefined();
    expect(
      loadConfig({ ...base, SMTP_URL: "smtps://u:p@mail.example.org:465", MAIL_FROM: "a@b.example" }).mail,
    ).toEqual({ smtpUrl: "smtps://u:p@mail.example.org:465", from: "a@b.example" });
  });
});
