/**
 * A release time given at import (issue 15, embargo): the web preview offers it to those who may
 * hold the import back, checks it on every post (a time already past or not real is refused with
 * the field named and nothing imported), and the confirmed import writes its batch already held
 * back — in the same transaction as the values, so no reader ever sees them before the time.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { importBatches, releasedObservations } from "../../src/data/indicators/index.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { areaInputs } from "../helpers/areas.ts";
import { confirmImport, uploadForImport } from "../helpers/data-import.ts";
import type { TestClient } from "../helpers/test-app.ts";

const PREVIEW_ACTION = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/;
let partnershipId: string;

function localFile(slug: string): string {
  return `area_code,period,indicator,value,measure\nE06000005,2023/24,${slug},37,count\nE06000005,2024/25,${slug},41,count\n`;
}

async function preview(client: TestClient, slug: string) {
  const page = await uploadForImport(
    client,
    partnershipId,
    { kind: "tidy" },
    { name: `${slug}.csv`, content: localFile(slug) },
  );
  expect(page.statusCode).toBe(200);
  return { page, action: PREVIEW_ACTION.exec(page.body)![1]! };
}

const countOf = (result: unknown) => Number((result as { rows: { n: number }[] }).rows[0]!.n);

test.beforeAll(async ({ db, fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  partnershipId = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
  await fixtures.user("editor@release.example", org.id, { roles: [[partnershipId, "editor"]] });
  await upsertAreas(db, areaInputs("E06000005:Darlington"));
});

describe("a release time given at import", () => {
  test("is offered on the preview, and a past or unreal time is refused with nothing imported", async ({
    db,
    signIn,
  }) => {
    const editor = await signIn("editor@release.example");
    const { page, action } = await preview(editor, "release-at-refused");
    expect(page.body).toContain('name="releaseDate"');
    expect(page.body).toContain('name="releaseTime"');
    const past = await editor.post(action, { action: "confirm", releaseDate: "1/1/2020", releaseTime: "09:30" });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('href="#releaseDate"');
    expect(past.body).toContain("must be in the future");
    // The typed values are kept for correcting.
    expect(past.body).toContain('value="1/1/2020"');
    const unreal = await editor.post(action, { action: "confirm", releaseDate: "1/7/2099", releaseTime: "25:00" });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('href="#releaseTime"');
    const noDate = await editor.post(action, { action: "confirm", releaseDate: "", releaseTime: "09:30" });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain("Enter the release date, or clear the time");
    const batches = await db.select().from(importBatches).where(eq(importBatches.fileName, "release-at-refused.csv"));
    expect(batches).toEqual([]);
  });

  test("holds the values back from the moment they are written, and says until when", async ({ db, signIn }) => {
    const editor = await signIn("editor@release.example");
    const { action } = await preview(editor, "release-at-held");
    // 1 July 2099 09:30 UK time is 08:30 UTC (British Summer Time).
    const job = await confirmImport(editor, action, { releaseDate: "1/7/2099", releaseTime: "09:30" });
    expect(job.status).toBe("done");
    expect(job.page.body).toContain("release-at-held.csv was imported");
    expect(job.page.body).toMatch(/held back until 1 July 2099 at 09:30/);
    const [batch] = await db.select().from(importBatches).where(eq(importBatches.fileName, "release-at-held.csv"));
    expect(batch!.embargoUntil!.toISOString()).toBe("2099-07-01T08:30:00.000Z");
    expect((batch!.report as { releaseAt?: string }).releaseAt).toBe("2099-07-01T08:30:00.000Z");
    // Stored, yet no reader sees them; and the scheduled releases page lists the import.
    const stored = countOf(
      await db.execute(sql`select count(*)::int as n from observations where batch_id = ${batch!.id}`),
    );
    expect(stored).toBeGreaterThan(0);
    const seen = countOf(
      await db.execute(
        sql`select count(*)::int as n from ${releasedObservations} o join indicators i on i.id = o.indicator_id where i.slug = 'release-at-held'`,
      ),
    );
    expect(seen).toBe(0);
    const releases = await editor.get(`/partnerships/${partnershipId}/data/import/releases`);
    expect(releases.body).toContain("release-at-held.csv");
    expect(releases.body).toContain("1 July 2099 at 09:30");
  });

  test("is not offered for a file that writes no values (a comparison group)", async ({ signIn }) => {
    const editor = await signIn("editor@release.example");
    const page = await uploadForImport(
      editor,
      partnershipId,
      { kind: "comparison-group", name: "Release test group" },
      { name: "group.csv", content: "area_code,area_name\nE06000005,Darlington\n" },
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Confirm import");
    expect(page.body).not.toContain('name="releaseDate"');
  });

  test("left empty, the values show as soon as they are imported", async ({ db, signIn }) => {
    const editor = await signIn("editor@release.example");
    const { action } = await preview(editor, "release-at-none");
    const job = await confirmImport(editor, action, { releaseDate: "", releaseTime: "" });
    expect(job.status).toBe("done");
    expect(job.page.body).not.toContain("held back until");
    const [batch] = await db.select().from(importBatches).where(eq(importBatches.fileName, "release-at-none.csv"));
    expect(batch!.embargoUntil).toBeNull();
    const seen = countOf(
      await db.execute(
        sql`select count(*)::int as n from ${releasedObservations} o join indicators i on i.id = o.indicator_id where i.slug = 'release-at-none'`,
      ),
    );
    expect(seen).toBeGreaterThan(0);
  });
});
