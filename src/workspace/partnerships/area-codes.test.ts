import { describe, expect, it } from "vitest";
import { areaCodeMatchesNation, areaCodeMismatchMessage } from "./area-codes.ts";
import { partnershipForm } from "./schemas.ts";

describe("area codes", () => {
  it("accepts each nation's authority prefixes and nothing else", () => {
    expect(areaCodeMatchesNation("E06000005", "england")).toBe(true);
    expect(areaCodeMatchesNation("E10000007", "england")).toBe(true);
    expect(areaCodeMatchesNation("E05000001", "england")).toBe(false);
    expect(areaCodeMatchesNation("S12000042", "scotland")).toBe(true);
    expect(areaCodeMatchesNation("S08000030", "scotland")).toBe(false);
    expect(areaCodeMatchesNation("W06000011", "wales")).toBe(true);
    expect(areaCodeMatchesNation("N09000003", "northern-ireland")).toBe(true);
    expect(areaCodeMatchesNation("E06000005", "scotland")).toBe(false);
    expect(areaCodeMatchesNation("E0600005", "england")).toBe(false);
  });

  it("names the expected prefixes", () => {
    expect(areaCodeMismatchMessage("scotland")).toBe("An area code in Scotland must start with S12");
    expect(areaCodeMismatchMessage("england")).toBe(
      "An area code in England must start with E06, E07, E08, E09 or E10",
    );
  });
});

describe("partnership form", () => {
  it("checks the area code against the nation", () => {
    const result = partnershipForm.safeParse({
      name: "P",
      nation: "scotland",
      areaCode: "e06000005",
      areaName: "Darlington",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["areaCode"]);
    expect(result.error?.issues[0]?.message).toContain("S12");
  });

  it("normalises the code to upper case", () => {
    const result = partnershipForm.safeParse({
      name: " P ",
      nation: "scotland",
      areaCode: " s12000042 ",
      areaName: "Dundee City",
    });
    expect(result.success && result.data).toEqual({
      name: "P",
      nation: "scotland",
      areaCode: "S12000042",
      areaName: "Dundee City",
    });
  });
});
