/**
 * Bad input refused as such, whichever route it reaches: NUL bytes in query strings and forms
 * (400, the field named, nothing saved), uploads from people who are not signed in (refused
 * before the body is read), web addresses other than http(s), and sign-in's returnTo.
 */
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needsFindings, needsSectionNarratives } from "../../src/cycle/needs-assessment/index.ts";
import { strategyPriorities } from "../../src/cycle/strategy/index.ts";
import { indicators } from "../../src/data/indicators/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

let t: TestApp;
let partnershipId: string;
let admin: TestClient;
let lead: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const org = await fixtures.organisation(t.database, "Guard Council");
  partnershipId = (await fixtures.partnership(t.database, "Guard Partnership", "england")).id;
  await fixtures.user(t.database, "admin@guard.example", org.id, { admin: true });
  await fixtures.user(t.database, "lead@guard.example", org.id, { roles: [[partnershipId, "lead"]] });
  admin = t.client();
  lead = t.client();
  expect((await admin.signIn("admin@guard.example")).statusCode).toBe(303);
  expect((await lead.signIn("lead@guard.example")).statusCode).toBe(303);
});
afterAll(() => t.close());

describe("NUL bytes", () => {
  it("in a query string are a 400 naming the parameter, not a 500", async () => {
    const response = await admin.get("/audit?action=%00");
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("“action” contains a character that cannot be saved");
    const api = await t.app.inject({ method: "GET", url: "/api/v1/areas?q=ab%00c" });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ error: { code: "VALIDATION", fields: [{ field: "q" }] } });
  });

  it("in a finding, a narrative or a priority are refused, naming the field, and nothing is saved", async () => {
    const base = `/partnerships/${partnershipId}`;
    const posts: [string, Record<string, string>, string][] = [
      [
        `${base}/needs-assessment/sections/financial-support/findings/new`,
        { statement: "Lone\u0000 parents" },
        "statement",
      ],
      [
        `${base}/needs-assessment/sections/financial-support/narrative`,
        { narrative: "<p>Text\u0000</p>" },
        "narrative",
      ],
      [`${base}/strategy/priorities/new`, { title: "Incomes\u0000" }, "title"],
    ];
    for (const [url, fields, field] of posts) {
      const response = await lead.post(url, fields);
      expect(response.statusCode, url).toBe(400);
      expect(response.body).toContain(`“${field}” contains a character that cannot be saved`);
    }
    expect(await t.database.db.select().from(needsFindings)).toEqual([]);
    expect(await t.database.db.select().from(needsSectionNarratives)).toEqual([]);
    expect(await t.database.db.select().from(strategyPriorities)).toEqual([]);
  });

  it("in a form field's name is refused too", async () => {
    const response = await lead.post(`/partnerships/${partnershipId}/strategy/priorities/new`, {
      title: "Incomes",
      "x\u0000": "y",
    });
    expect(response.statusCode).toBe(400);
    expect(await t.database.db.select().from(strategyPriorities)).toEqual([]);
  });
});

describe("uploads from someone not signed in", () => {
  it("are refused before the body is read", async () => {
    let sent = 0;
    const total = 90 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    async function* body() {
      yield Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n');
      while (sent < total) {
        sent += chunk.length;
        yield chunk;
      }
      yield Buffer.from("\r\n--b--\r\n");
    }
    const response = await t.app.inject({
      method: "POST",
      url: `/partnerships/${partnershipId}/data/import`,
      payload: Readable.from(body()),
      headers: { "content-type": "multipart/form-data; boundary=b", "content-length": String(total + 100) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers.connection).toBe("close");
    expect(response.body).toContain("Sign in to upload a file");
    // Stream buffers may pull a few chunks ahead; the 90 MB are never read.
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });
});

describe("uploads cut short", () => {
  it("are a 400, not a 500", async () => {
    const cookie = [...lead.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const token = `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${lead.csrfToken()}\r\n`;
    for (const payload of [
      `${token}--b\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\nA,B`,
      "no parts",
    ]) {
      for (const url of [
        `/partnerships/${partnershipId}/data/import`,
        `/partnerships/${partnershipId}/actions/import`,
      ]) {
        const response = await t.app.inject({
          method: "POST",
          url,
          payload,
          headers: { cookie, "content-type": "multipart/form-data; boundary=b" },
        });
        expect(response.statusCode, `${url} ${payload.slice(0, 10)}`).toBe(400);
        expect(response.body).toContain("The upload could not be read");
      }
    }
  });
});

describe("web addresses", () => {
  it("accept only http and https for an indicator's source, on its page and in imports", async () => {
    await t.database.db.insert(indicators).values({
      slug: "guard-count",
      title: "Guard count (fictional)",
      unit: "count",
      partnershipId,
    });
    for (const sourceUrl of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://files.example/x",
    ]) {
      const response = await lead.post("/data/indicators/guard-count", {
        title: "Guard count (fictional)",
        definition: "",
        publisher: "",
        dataset: "",
        sourceUrl,
        unit: "count",
        polarity: "neither",
        disclosureRule: "small-count",
      });
      expect(response.statusCode, sourceUrl).toBe(400);
      expect(response.body).toContain("Enter a full web address, starting https://");
    }
    const [row] = await t.database.db.select().from(indicators).where(eq(indicators.slug, "guard-count"));
    expect(row!.sourceUrl).toBe("");

    const report = await runImport(t.database.db, {
      importer: importerFor("tidy")!,
      file: sourceFromBytes("values.csv", Buffer.from("area_code,period,indicator,value\nE06000001,2023,x,1\n")),
      options: { sourceUrl: "javascript:alert(1)" },
      dryRun: true,
      audit: { actorUserId: null, actorLabel: "test" },
    });
    expect(report.ok).toBe(false);
    expect(report.errors[0]!.message).toContain("option sourceUrl: must be a web address starting https://");
  });

  it("refuses other schemes for a needs assessment's linked assessment", async () => {
    const response = await lead.post(`/partnerships/${partnershipId}/needs-assessment/other-assessments/new`, {
      title: "JSNA",
      url: "javascript:alert(1)",
    });
    expect(response.statusCode).toBe(400);
  });
});

describe("sign-in returnTo", () => {
  const signInTo = (returnTo: string) =>
    t.client().post("/sign-in", { email: "lead@guard.example", password: "correct horse battery staple", returnTo });

  it("goes only to same-site paths; anything else goes home, never a 500", async () => {
    const cases: [string, string][] = [
      ["/\t/evil.example", "/dashboard"],
      ["/\n/evil.example", "/dashboard"],
      ["/partnerships\r\nSet-Cookie: x=1", "/dashboard"],
      ["//evil.example", "/dashboard"],
      ["/\\evil.example", "/dashboard"],
      ["https://evil.example/", "/dashboard"],
      ["/.//evil.example", "/dashboard"],
      ["/\u3002evil.example", "/%E3%80%82evil.example"],
      ["/partnerships?tab=people#top", "/partnerships?tab=people#top"],
    ];
    for (const [returnTo, location] of cases) {
      const response = await signInTo(returnTo);
      expect(response.statusCode, JSON.stringify(returnTo)).toBe(303);
      expect(response.headers.location, JSON.stringify(returnTo)).toBe(location);
    }
  });
});
