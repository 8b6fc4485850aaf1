import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { domains } from "../../src/app.ts";
import { Extensions, extensionPoint } from "../../src/kernel/domains/extensions.ts";
import { navigationFrom } from "../../src/kernel/domains/navigation.ts";
import { actor } from "../helpers/stub-app.ts";

const layers = ["lib", "workspace", "data", "cycle", "national", "demo"];

describe("domain descriptors", () => {
  it("app.ts lists every domain folder, once, layer by layer", () => {
    const folders = layers.flatMap((layer) =>
      readdirSync(path.join("src", layer))
        .filter((name) => statSync(path.join("src", layer, name)).isDirectory())
        .map((name) => `${layer}/${name}`),
    );
    const listed = domains.map((domain) => domain.name);
    expect([...listed].sort()).toEqual([...folders].sort());
    const layerOf = (name: string) => layers.indexOf(name.split("/")[0]!);
    expect(listed.map(layerOf)).toEqual([...listed.map(layerOf)].sort((a, b) => a - b));
  });

  it("build the service navigation each person had before descriptors", () => {
    const navigation = navigationFrom(domains);
    const texts = (items: { text: string }[]) => items.map((item) => item.text);
    // The national partners' hub (issue 14) added the hub for everyone signed in and the library for everyone;
    // administrators have the geography page (issue 12).
    expect(texts(navigation.service(null))).toEqual(["Home", "Effective practice"]);
    expect(texts(navigation.service(actor("lead", { roles: [["p", "lead"]] })))).toEqual([
      "Your partnerships",
      "Needs attention",
      "Support hub",
      "Effective practice",
    ]);
    expect(texts(navigation.service(actor("coordinator", { nations: ["wales"] })))).toEqual([
      "Your partnerships",
      "Needs attention",
      "National view",
      "Support hub",
      "Effective practice",
    ]);
    expect(navigation.service(actor("admin", { admin: true }))).toEqual([
      { href: "/dashboard", text: "Your partnerships" },
      { href: "/attention", text: "Needs attention" },
      { href: "/national", text: "National view" },
      { href: "/hub", text: "Support hub" },
      { href: "/practice", text: "Effective practice" },
      { href: "/admin/users", text: "Users" },
      { href: "/admin/organisations", text: "Organisations" },
      { href: "/admin/geography", text: "Geography" },
      { href: "/data/indicators", text: "Indicators" },
      { href: "/partnerships/new", text: "New partnership" },
      { href: "/audit", text: "Audit log" },
    ]);
  });

  it("build the partnership's 19 sections, with import and review feedback for those who may use them", () => {
    const navigation = navigationFrom(domains);
    const target = { partnershipId: "p1", nation: "england" as const };
    const lead = navigation.partnership(actor("lead", { roles: [["p1", "lead"]] }), target);
    expect(lead.map((item) => [item.text, item.href])).toEqual([
      ["Overview", "/partnerships/p1"],
      ["Search", "/partnerships/p1/search"],
      ["Partnership record", "/partnerships/p1/governance"],
      ["Duty to cooperate", "/partnerships/p1/cooperation"],
      ["Meetings", "/partnerships/p1/meetings"],
      ["Budgets", "/partnerships/p1/budgets"],
      ["Area profile", "/partnerships/p1/profile"],
      ["Localities and comparisons", "/partnerships/p1/localities"],
      ["Import data", "/partnerships/p1/data/import"],
      ["Needs assessment", "/partnerships/p1/needs-assessment"],
      ["Consultation", "/partnerships/p1/consultation"],
      ["Strategy", "/partnerships/p1/strategy"],
      ["Action plan", "/partnerships/p1/actions"],
      ["Monitoring", "/partnerships/p1/monitoring"],
      ["Poverty-proofing", "/partnerships/p1/proofing"],
      ["Data sharing", "/partnerships/p1/data-sharing"],
      ["Reports", "/partnerships/p1/reports"],
      ["Review feedback", "/partnerships/p1/feedback"],
      ["Support", "/partnerships/p1/support"],
    ]);
    expect(lead.filter((item) => item.exact).map((item) => item.text)).toEqual(["Overview"]);
    const viewer = navigation.partnership(actor("viewer", { roles: [["p1", "viewer"]] }), target).map((i) => i.text);
    expect(viewer).toHaveLength(17);
    expect(viewer).not.toContain("Import data");
    expect(viewer).not.toContain("Review feedback");
    const coordinator = navigation.partnership(actor("coordinator", { nations: ["england"] }), target);
    expect(coordinator.map((item) => item.text)).toContain("Review feedback");
  });

  it("extension points: all, optional and one, with start-up errors naming the point", () => {
    const extensions = new Extensions(domains.flatMap((domain) => domain.provides ?? []));
    const point = extensionPoint<number>("a test point");
    expect(extensions.all(point)).toEqual([]);
    expect(extensions.optional(point)).toBeUndefined();
    expect(() => extensions.one(point)).toThrow('Extension point "a test point" needs exactly one provider, found 0');
    const twice = new Extensions([point.provide(1), point.provide(2)]);
    expect(twice.all(point)).toEqual([1, 2]);
    expect(() => twice.one(point)).toThrow("found 2");
    expect(() => twice.optional(point)).toThrow("at most one provider, found 2");
  });
});
