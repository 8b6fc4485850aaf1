import { describe, expect, it } from "vitest";
import { isGssCode, organisationTypeLabel, organisationTypes } from "./types.ts";
import { organisationForm } from "./schemas.ts";

describe("organisation types", () => {
  it("has unique slugs and labels for every type", () => {
    const slugs = new Set(organisationTypes.map((type) => type.slug));
    expect(slugs.size).toBe(organisationTypes.length);
    expect(organisationTypes.length).toBe(15);
    expect(organisationTypeLabel("jobcentre-plus")).toBe("Jobcentre Plus");
    expect(organisationTypeLabel("unknown")).toBe("unknown");
  });

  it("recognises GSS codes", () => {
    expect(isGssCode("S08000030")).toBe(true);
    expect(isGssCode("E06000005")).toBe(true);
    expect(isGssCode("S0800003")).toBe(false);
    expect(isGssCode("X08000030")).toBe(false);
  });
});

describe("organisation form", () => {
  it("normalises the GSS code and treats blank as none", () => {
    const withCode = organisationForm.safeParse({
      name: " NHS Tayside ",
      type: "health-board",
      gssCode: " s08000030 ",
    });
    expect(withCode.success && withCode.data).toEqual({
      name: "NHS Tayside",
      type: "health-board",
      gssCode: "S08000030",
    });
    const blank = organisationForm.safeParse({ name: "Advice Shop", type: "advice-agency", gssCode: "" });
    expect(blank.success && blank.data.gssCode).toBeNull();
  });

  it("rejects a malformed code and an unknown type", () => {
    const result = organisationForm.safeParse({ name: "X", type: "bank", gssCode: "123" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["type", "gssCode"]));
  });
});
