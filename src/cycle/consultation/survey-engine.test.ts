import { describe, expect, it } from "vitest";
import {
  answersOnPath,
  firstIncompletePage,
  nextPage,
  pathOf,
  postcodeDistrict,
  readPage,
  summaryOf,
} from "./survey-engine.ts";
import type { QuestionDef } from "./survey-model.ts";

function question(partial: Partial<QuestionDef> & Pick<QuestionDef, "code" | "kind">): QuestionDef {
  return {
    id: `id-${partial.code}`,
    position: 0,
    page: 1,
    required: false,
    hidden: false,
    wording: { "standard-en": { text: `Question ${partial.code}` }, "young-en": { text: `Young ${partial.code}` } },
    options: [],
    settings: {},
    ...partial,
  };
}

const travel = question({
  code: "q1",
  kind: "single",
  required: true,
  position: 1,
  options: [
    { value: "o1", labels: { "standard-en": "Bus", "young-en": "By bus", "young-cy": "Ar y bws" } },
    { value: "o2", labels: { "standard-en": "Walk" }, skipTo: 3 },
    { value: "o3", labels: { "standard-en": "Not at all" }, skipTo: "end" },
  ],
});
const cost = question({ code: "q2", kind: "text", page: 2, position: 2, settings: { maxLength: 20 } });
const rating = question({ code: "q3", kind: "rating", page: 3, position: 3, required: true });
const hidden = question({ code: "q4", kind: "number", page: 4, position: 4, hidden: true });
const all = [travel, cost, rating, hidden];

describe("reading a page", () => {
  it("keeps valid answers by question id", () => {
    const result = readPage([travel], { q1: "o1" }, "young", "en");
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({ "id-q1": "o1" });
  });

  it("names the question when a required answer is missing, in the version's wording", () => {
    const result = readPage([travel], {}, "young", "en");
    expect(result.errors).toEqual([{ field: "q1", message: "Answer the question: Young q1" }]);
    expect(result.answers).toEqual({});
  });

  it("writes the message in Welsh for the Welsh survey", () => {
    const result = readPage([travel], {}, "standard", "cy");
    expect(result.errors[0]!.message).toBe("Atebwch y cwestiwn: Question q1");
  });

  it("refuses a forged option and keeps nothing", () => {
    const result = readPage([travel, cost], { q1: "o9", q2: "fine" }, "standard", "en");
    expect(result.errors[0]!.field).toBe("q1");
    expect(result.answers).toEqual({});
    expect(result.values).toEqual({ q1: "o9", q2: "fine" });
  });

  it("names the question when text is too long", () => {
    const result = readPage([cost], { q2: "x".repeat(21) }, "standard", "en");
    expect(result.errors[0]).toEqual({
      field: "q2",
      message: "Your answer to “Question q2” must be 20 characters or fewer",
    });
  });

  it("strips control characters and keeps line breaks", () => {
    const result = readPage([cost], { q2: "a\u0000b\r\nc" }, "standard", "en");
    expect(result.answers).toEqual({ "id-q2": "ab\nc" });
  });

  it("checks numbers, multiple choices and ratings", () => {
    const count = question({ code: "n", kind: "number", settings: { min: 0, max: 10 } });
    const many = question({
      code: "m",
      kind: "multiple",
      options: [
        { value: "a", labels: { "standard-en": "A" } },
        { value: "b", labels: { "standard-en": "B" } },
      ],
    });
    expect(readPage([count], { n: "11" }, "standard", "en").errors[0]!.message).toContain("from 0 to 10");
    expect(readPage([count], { n: "2.5" }, "standard", "en").errors[0]!.message).toContain("whole number");
    expect(readPage([count], { n: "3" }, "standard", "en").answers).toEqual({ "id-n": 3 });
    expect(readPage([many], { m: ["b", "a", "b"] }, "standard", "en").answers).toEqual({ "id-m": ["a", "b"] });
    expect(readPage([many], { m: ["a", "zz"] }, "standard", "en").errors).toHaveLength(1);
    expect(readPage([rating], { q3: "6" }, "standard", "en").errors).toHaveLength(1);
    expect(readPage([rating], { q3: "4" }, "standard", "en").answers).toEqual({ "id-q3": "4" });
  });

  it("keeps only the district of a postcode", () => {
    expect(postcodeDistrict("dl1 5ad")).toBe("DL1");
    expect(postcodeDistrict("SW1A1AA")).toBe("SW1A");
    expect(postcodeDistrict(" cf10 ")).toBe("CF10");
    expect(postcodeDistrict("12 High Street")).toBeNull();
    const district = question({ code: "p", kind: "postcode", required: true });
    expect(readPage([district], { p: "DL1 5AD" }, "standard", "en").answers).toEqual({ "id-p": "DL1" });
    // A postcode question is always optional: nobody must give where they live.
    expect(readPage([district], {}, "standard", "en").errors).toEqual([]);
  });
});

describe("skip logic and the path", () => {
  it("goes to the next page, or where the chosen option skips to", () => {
    expect(nextPage(all, 1, { "id-q1": "o1" })).toBe(2);
    expect(nextPage(all, 1, { "id-q1": "o2" })).toBe(3);
    expect(nextPage(all, 1, { "id-q1": "o3" })).toBe("end");
    // The hidden question's page is not part of the survey.
    expect(nextPage(all, 3, {})).toBe("end");
  });

  it("drops answers left on pages later skipped", () => {
    const answers = { "id-q1": "o2", "id-q2": "too dear", "id-q3": "2" };
    expect(pathOf(all, answers)).toEqual([1, 3]);
    expect(answersOnPath(all, answers)).toEqual({ "id-q1": "o2", "id-q3": "2" });
  });

  it("finds the first page with a required question unanswered", () => {
    expect(firstIncompletePage(all, {})).toBe(1);
    expect(firstIncompletePage(all, { "id-q1": "o1" })).toBe(3);
    expect(firstIncompletePage(all, { "id-q1": "o3" })).toBeNull();
  });

  it("summarises the answers on the path in the version's words", () => {
    const rows = summaryOf(all, { "id-q1": "o1", "id-q3": "5" }, "young", "cy");
    expect(rows.map((row) => [row.code, row.answer])).toEqual([
      ["q1", "Ar y bws"],
      ["q2", ""],
      ["q3", "Da iawn"],
    ]);
  });
});
