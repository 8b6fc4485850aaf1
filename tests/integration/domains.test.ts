import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { domains } from "../../src/app.ts";
import { Extensions, extensionPoint } from "../../src/kernel/domains/extensions.ts";
import { navigationFrom, partnershipSections } from "../../src/kernel/domains/navigation.ts";
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
    // administrators have the geography page (issue 12); everyone signed in has Account security (issue 11).
    expect(texts(navigation.service(null))).toEqual(["Home", "Effective practice"]);
    expect(texts(navigation.service(actor("lead", { roles: [["p", "lead"]] })))).toEqual([
      "Your partnerships",
      "Needs attention",
      "Support hub",
      "Effective practice",
      "Account security",
    ]);
    expect(texts(navigation.service(actor("coordinator", { nations: ["wales"] })))).toEqual([
      "Your partnerships",
      "Needs attention",
      "National view",
      "Support hub",
      "Effective practice",
      "Account security",
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
      { href: "/account/security", text: "Account security" },
    ]);
  });

  it("build the partnership's 21 sections, with import and review feedback for those who may use them", () => {
    const navigation = navigationFrom(domains);
    const target = { partnershipId: "p1", nation: "england" as const };
    const lead = navigation.partnership(actor("lead", { roles: [["p1", "lead"]] }), target);
    expect(lead.map((item) => [item.text, item.href, item.group])).toEqual([
      ["Overview", "/partnerships/p1", "partnership"],
      ["Search", "/partnerships/p1/search", "partnership"],
      ["Partnership record", "/partnerships/p1/governance", "partnership"],
      ["Duty to cooperate", "/partnerships/p1/cooperation", "partnership"],
      ["Data sharing", "/partnerships/p1/data-sharing", "partnership"],
      ["Meetings", "/partnerships/p1/meetings", "partnership"],
      ["Support", "/partnerships/p1/support", "partnership"],
      ["Area profile", "/partnerships/p1/profile", "evidence"],
      ["Indicators overview", "/partnerships/p1/indicators-overview", "evidence"],
      ["Localities and comparisons", "/partnerships/p1/localities", "evidence"],
      ["Import data", "/partnerships/p1/data/import", "evidence"],
      ["Needs assessment", "/partnerships/p1/needs-assessment", "evidence"],
      ["Consultation", "/partnerships/p1/consultation", "evidence"],
      ["Strategy", "/partnerships/p1/strategy", "plan"],
      ["Poverty-proofing", "/partnerships/p1/proofing", "plan"],
      ["Budgets", "/partnerships/p1/budgets", "plan"],
      ["Prioritising funding", "/partnerships/p1/prioritisation", "plan"],
      ["Action plan", "/partnerships/p1/actions", "delivery"],
      ["Monitoring", "/partnerships/p1/monitoring", "delivery"],
      ["Reports", "/partnerships/p1/reports", "reporting"],
      ["Review feedback", "/partnerships/p1/feedback", "reporting"],
    ]);
    expect(lead.filter((item) => item.exact).map((item) => item.text)).toEqual(["Overview"]);
    const viewer = navigation.partnership(actor("viewer", { roles: [["p1", "viewer"]] }), target).map((i) => i.text);
    expect(viewer).toHaveLength(19);
    expect(viewer).not.toContain("Import data");
    expect(viewer).not.toContain("Review feedback");
    const coordinator = navigation.partnership(actor("coordinator", { nations: ["england"] }), target);
    expect(coordinator.map((item) => item.text)).toContain("Review feedback");
  });

  it("show the groups and the sections of the page's group, the longest matching section current", () => {
    const items = navigationFrom(domains).partnership(actor("lead", { roles: [["p1", "lead"]] }), {
      partnershipId: "p1",
      nation: "england",
    });
    const onReport = partnershipSections(items, "/partnerships/p1/reports/r1/edit");
    expect(onReport.groups.map((group) => [group.text, group.href, group.current])).toEqual([
      ["Partnership", "/partnerships/p1", false],
      ["Evidence", "/partnerships/p1/profile", false],
      ["Plan", "/partnerships/p1/strategy", false],
      ["Delivery", "/partnerships/p1/actions", false],
      ["Reporting", "/partnerships/p1/reports", true],
    ]);
    expect(onReport.items.map((item) => [item.text, item.current])).toEqual([
      ["Reports", true],
      ["Review feedback", false],
    ]);
    // A page no section names (the people page) shows the partnership group, nothing current.
    const onPeople = partnershipSections(items, "/partnerships/p1/people");
    expect(onPeople.groups.find((group) => group.current)?.text).toBe("Partnership");
    expect(onPeople.items.some((item) => item.current)).toBe(false);
    expect(partnershipSections(items, "/partnerships/p1").items.find((item) => item.current)?.text).toBe("Overview");
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
