import { describe, expect, it } from "vitest";
import { cellOf, questionHeader, responsesSheet } from "./exports.ts";
import { columnLetter, readPaperResponses } from "./paper-import.ts";
import type { QuestionDef } from "./survey-model.ts";

const q = (code: string, kind: QuestionDef["kind"], extra: Partial<QuestionDef> = {}): QuestionDef => ({
  id: `id-${code}`,
  code,
  position: 1,
  page: 1,
  kind,
  required: true,
  hidden: false,
  wording: { "standard-en": { text: `About ${code}` } },
  options: [],
  settings: {},
  ...extra,
});
const travel = q("q1", "single", {
  options: [
    { value: "o1", labels: { "standard-en": "Bus", "young-en": "By bus" } },
    { value: "o2", labels: { "standard-en": "Walk" } },
  ],
});
const worries = q("q2", "multiple", {
  options: [
    { value: "o1", labels: { "standard-en": "Food" } },
    { value: "o2", labels: { "standard-en": "Heating" } },
  ],
});
const rating = q("q3", "rating");
const comment = q("q4", "text", { settings: { maxLength: 20 } });
const questions = [travel, worries, rating, comment];

describe("paper responses in the export's layout", () => {
  it("reads what the export writes", () => {
    const { header, rows } = responsesSheet(questions, [
      {
        id: "r1",
        surveyId: "s",
        partnershipId: "p",
        version: "young",
        language: "en",
        source: "online",
        submittedOn: "2025-05-02",
        audience: "children-12-15",
        answers: { "id-q1": "o1", "id-q2": ["o1", "o2"], "id-q3": "4" },
        texts: new Map([["id-q4", "=too dear"]]),
      },
    ]);
    expect(header[5]).toBe("Audience");
    expect(rows[0]![5]).toBe("Children aged 12 to 15");
    expect(header[6]).toBe("q1: About q1");
    expect(header[8]).toBe("q3: About q3 (1 = Very poor, 5 = Very good)");
    const sheet = { headers: header, rows: rows.map((row) => row.map(String)), firstRow: 2 };
    // The export's formula guard is taken off on the way back in.
    sheet.rows[0]![9] = "'=too dear";
    const result = readPaperResponses(sheet, questions, "2025-06-01");
    expect(result.problems).toEqual([]);
    expect(result.responses).toEqual([
      {
        version: "young",
        language: "en",
        source: "paper",
        submittedOn: "2025-05-02",
        audience: "children-12-15",
        answers: { "id-q1": "o1", "id-q2": ["o1", "o2"], "id-q3": "4", "id-q4": "=too dear" },
      },
    ]);
  });

  it("names row, column and question for every problem and keeps nothing", () => {
    const sheet = {
      headers: ["Version", "Submitted on", questionHeader(travel), "q9: gone", "Notes", questionHeader(comment)],
      rows: [
        ["young", "2025-05-01", "Train", "", "", "ok"],
        ["adult", "32/13/2025", "Walk", "", "", "x".repeat(21)],
        ["", "", "", "", "", ""],
      ],
      firstRow: 2,
    };
    const result = readPaperResponses(sheet, questions, "2025-06-01");
    expect(result.responses).toEqual([]);
    expect(result.problems).toEqual([
      "Column D (“q9: gone”): this survey has no question q9",
      "Column E (“Notes”) is not part of the layout: headings of questions start with their code, like “q3:”",
      "Row 2, column C (q1): “Train” is not one of the answers (Bus, Walk)",
      "Row 3, column A: the version must be “standard” or “young”, not “adult”",
      "Row 3, column B: “32/13/2025” is not a date on or before today, like 31/03/2026",
      "Row 3, column F (q4): Your answer to “About q4” must be 20 characters or fewer",
    ]);
  });

  it("accepts words of any version and ratings as words", () => {
    const sheet = {
      headers: [questionHeader(travel), questionHeader(rating)],
      rows: [["by bus", "Good"]],
      firstRow: 2,
    };
    const result = readPaperResponses(sheet, questions, "2025-06-01");
    expect(result.responses[0]!.answers).toEqual({ "id-q1": "o1", "id-q3": "4" });
    expect(result.responses[0]!.submittedOn).toBe("2025-06-01");
    expect(result.responses[0]!.audience).toBeNull();
  });

  it("reads an audience by its code or any of its words, blank as not said, and names a wrong one", () => {
    const sheet = {
      headers: ["Audience", questionHeader(travel)],
      rows: [
        ["parents-carers", "Bus"],
        ["I'd rather not say", "Bus"],
        ["", "Walk"],
        ["Grandparents", "Walk"],
      ],
      firstRow: 2,
    };
    const result = readPaperResponses(sheet, questions, "2025-06-01");
    expect(result.responses).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^Row 5, column A: “Grandparents” is not one of the audiences \(Children under 8, /,
    );
    sheet.rows.pop();
    const good = readPaperResponses(sheet, questions, "2025-06-01");
    expect(good.responses.map((response) => response.audience)).toEqual(["parents-carers", "prefer-not-to-say", null]);
  });

  it("writes choices as words", () => {
    expect(cellOf(worries, ["o2"])).toBe("Heating");
    expect(columnLetter(27)).toBe("AB");
  });
});
