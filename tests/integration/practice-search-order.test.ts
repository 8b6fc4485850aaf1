/**
 * The order of the effective practice library's search results (search.ts): where a word is
 * found (title, then summary, then body) outweighs how often the body repeats it; several words
 * close together outrank the same words far apart; equal matches list the newest first; facets
 * and visibility narrow the ranked list without changing its order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/kernel/db/database.ts";
import { practiceEntries, searchEntries, searchQuery } from "../../src/national/practice/index.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

let database: Database;
const filler = (words: number) => Array.from({ length: words }, (_, i) => `filler${i}`).join(" ");

const entries = [
  { title: "Family budgets", summary: "Help with money.", body: `<p>${"childcare ".repeat(30)}</p>`, day: 9 },
  { title: "Childcare on site", summary: "A nursery at the college.", body: "<p>Open all year.</p>", day: 1 },
  { title: "Funded places", summary: "Childcare places for two-year-olds.", body: "<p>Take-up grew.</p>", day: 2 },
  { title: "Holiday clubs", summary: "Clubs in the summer.", body: "<p>Childcare costs fell for parents.</p>", day: 3 },
  {
    title: "Parent support",
    summary: "Support for parents.",
    body: `<p>Childcare ${filler(60)} costs.</p>`,
    day: 8,
  },
  { title: "Breakfast clubs", summary: "Free breakfasts.", body: "<p>Childcare before school.</p>", day: 4 },
  { title: "Lunch clubs", summary: "Free lunches.", body: "<p>Childcare before school.</p>", day: 5 },
  { title: "Childcare hidden", summary: "Not for people signed out.", body: "", day: 6, visibility: "signed-in" },
];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(practiceEntries).values(
    entries.map((entry) => ({
      kind: "case-study",
      title: entry.title,
      summary: entry.summary,
      body: entry.body,
      evidenceLevel: 3,
      nation: "scotland",
      visibility: entry.visibility ?? "public",
      status: "published",
      publishedAt: new Date(Date.UTC(2025, 0, entry.day)),
    })),
  );
});
afterAll(async () => {
  await database.close();
});

const titles = async (query: Record<string, string>, signedIn = false) =>
  (await searchEntries(database.db, searchQuery.parse(query), signedIn)).hits.map((hit) => hit.title);

describe("the order of library search results", () => {
  it("puts a title match above a summary match above body matches, however often the body repeats the word", async () => {
    const found = await titles({ q: "childcare" });
    expect(found.slice(0, 2)).toEqual(["Childcare on site", "Funded places"]);
    // The body that says "childcare" thirty times comes after the title and summary matches (cover
    // density ranking, ts_rank_cd, put it first: thirty body matches outweighed one in a title).
    expect(found[2]).toBe("Family budgets");
    expect(found).not.toContain("Childcare hidden");
  });

  it("lists entries that match equally newest first", async () => {
    // The same one-word body match in each: equal rank, so the newest published comes first.
    const found = await titles({ q: "childcare school" });
    expect(found).toEqual(["Lunch clubs", "Breakfast clubs"]);
  });

  it("ranks the words of a search close together above the same words far apart", async () => {
    const found = await titles({ q: "childcare costs" });
    expect(found).toEqual(["Holiday clubs", "Parent support"]);
  });

  it("keeps the ranked order when a facet or sign-in narrows or widens the list", async () => {
    const signedIn = await titles({ q: "childcare" }, true);
    expect(signedIn[0]).toBe("Childcare hidden");
    expect(signedIn.filter((title) => title !== "Childcare hidden")).toEqual(await titles({ q: "childcare" }));
    expect(await titles({ q: "childcare", nation: "wales" })).toEqual([]);
  });
});
