import { describe, expect, it } from "vitest";
import type { Executor } from "../../kernel/db/database.ts";
import { cachedPublicSurvey, forgetPublicSurveys } from "./public-survey-cache.ts";

const database = () => ({}) as Executor;

function counter<T>(value: T) {
  const load = async () => {
    load.calls += 1;
    return value;
  };
  load.calls = 0;
  return load;
}

describe("the public survey cache", () => {
  it("reads once within the time limit, again after it, and again after any change", async () => {
    const db = database();
    const load = counter({ title: "Survey" });
    await cachedPublicSurvey(db, "a", load, 0);
    await cachedPublicSurvey(db, "a", load, 9_000);
    expect(load.calls).toBe(1);
    await cachedPublicSurvey(db, "a", load, 10_000);
    expect(load.calls).toBe(2);
    forgetPublicSurveys();
    await cachedPublicSurvey(db, "a", load, 10_001);
    expect(load.calls).toBe(3);
  });

  it("keeps each database apart, and keeps no miss", async () => {
    const [one, two] = [database(), database()];
    await cachedPublicSurvey(one, "a", async () => "one", 0);
    expect(await cachedPublicSurvey(two, "a", async () => "two", 0)).toBe("two");
    const missing = counter(undefined);
    await cachedPublicSurvey(one, "b", missing, 0);
    await cachedPublicSurvey(one, "b", missing, 0);
    expect(missing.calls).toBe(2);
  });

  it("does not keep a value read while a change was being written", async () => {
    const db = database();
    await cachedPublicSurvey(
      db,
      "a",
      async () => {
        forgetPublicSurveys();
        return "old";
      },
      0,
    );
    expect(await cachedPublicSurvey(db, "a", async () => "new", 1)).toBe("new");
  });
});
