import { describe, expect, it } from "vitest";
import { buildMatrix, matrixRows } from "./matrix.ts";
import type { OfferWithProviders } from "./repository.ts";

const offer = (id: string, supportType: string, providerIds: string[]): OfferWithProviders => ({
  id,
  groupId: "g",
  title: `Offer ${id}`,
  supportType,
  description: "",
  audience: "",
  format: "training",
  capacity: "",
  howToRequest: "",
  status: "available",
  createdAt: new Date(),
  updatedAt: new Date(),
  providerIds,
});

describe("the support matrix", () => {
  const providers = [
    { id: "a", name: "Body A" },
    { id: "b", name: "Body B" },
  ];
  const matrix = buildMatrix(providers, [offer("1", "data", ["a", "b"]), offer("2", "peer-review", ["a"])]);

  it("has every one of the eleven support types as a column, in the Core Offer's order", () => {
    expect(matrix.types.map((type) => type.code)).toEqual([
      "peer-review",
      "needs-assessment",
      "leadership",
      "networking",
      "tailored-support",
      "workforce-development",
      "effective-practice",
      "knowledge",
      "data",
      "consultation",
      "self-assessment",
    ]);
  });

  it("puts an offer with two providers in both rows and counts providers per type", () => {
    const dataIndex = matrix.types.findIndex((type) => type.code === "data");
    expect(matrix.rows[0]!.cells[dataIndex]!.offers.map((o) => o.id)).toEqual(["1"]);
    expect(matrix.rows[1]!.cells[dataIndex]!.offers.map((o) => o.id)).toEqual(["1"]);
    expect(matrix.types[dataIndex]!.providers).toBe(2);
    expect(matrix.rows[0]!.total).toBe(2);
    expect(matrix.rows[1]!.total).toBe(1);
  });

  it("names the types nobody offers as gaps", () => {
    expect(matrix.gaps).toHaveLength(9);
    expect(matrix.gaps).toContain("Consultation");
    expect(matrix.gaps).not.toContain("Data");
  });

  it("exports a header of provider plus eleven types and one row per provider", () => {
    const table = matrixRows(matrix);
    expect(table.header).toHaveLength(12);
    expect(table.rows[1]).toEqual(["Body B", "", "", "", "", "", "", "", "", "Offer 1", "", ""]);
  });
});
