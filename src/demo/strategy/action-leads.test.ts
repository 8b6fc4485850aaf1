import { describe, expect, it } from "vitest";
import { leadFor } from "./action-leads.ts";
import { actionTemplates } from "./templates.ts";

const darlington = [
  { organisationId: "council", type: "council" },
  { organisationId: "health", type: "health-board" },
  { organisationId: "jobcentre", type: "jobcentre-plus" },
  { organisationId: "police", type: "police" },
  { organisationId: "youth-justice", type: "youth-offending-team" },
  { organisationId: "probation", type: "probation" },
  { organisationId: "transport", type: "transport-authority" },
  { organisationId: "food-network", type: "voluntary-and-community-sector" },
];

describe("demo action leads", () => {
  it("gives each action to a partner whose work it is: never the police or probation", () => {
    const leads = actionTemplates.map((template) => leadFor(template.title, darlington));
    expect(leads).not.toContain("police");
    expect(leads).not.toContain("probation");
    expect(leadFor("Money advice in secondary schools", darlington)).toBe("food-network");
    expect(leadFor("Jobcentre work coaches in family centres", darlington)).toBe("jobcentre");
    expect(leadFor("Family nurse partnership expansion", darlington)).toBe("health");
    // Every kind of partner that runs services leads something.
    expect(new Set(leads)).toEqual(
      new Set(["council", "health", "jobcentre", "youth-justice", "transport", "food-network"]),
    );
  });

  it("falls back to the council where no fitting partner is a member", () => {
    const council = [{ organisationId: "council", type: "council" }];
    expect(leadFor("Social housing rent freeze for families in hardship", council)).toBe("council");
    expect(leadFor("A template with no named lead", council)).toBe("council");
  });
});
