import { describe, expect, it } from "vitest";
import { testConfig } from "../../tests/helpers/test-app.ts";
import { signInTable } from "./demo-command.ts";
import { cliBaseUrl, parseNation, parseRole } from "./user-commands.ts";

describe("cli argument parsing", () => {
  it("accepts nations by slug or name", () => {
    expect(parseNation("Scotland")).toBe("scotland");
    expect(parseNation("Northern Ireland")).toBe("northern-ireland");
    expect(() => parseNation("Atlantis")).toThrow(/Unknown nation/);
  });

  it("accepts the three roles and none", () => {
    expect(parseRole("lead")).toBe("lead");
    expect(parseRole("none")).toBeNull();
    expect(() => parseRole("owner")).toThrow(/Unknown role "owner"/);
  });

  it("builds invitation links from PUBLIC_URL or host and port", () => {
    expect(cliBaseUrl(testConfig({ HOST: "0.0.0.0", PORT: "8080" }))).toBe("http://0.0.0.0:8080");
    expect(cliBaseUrl(testConfig({ PUBLIC_URL: "https://hub.example.org" }))).toBe("https://hub.example.org");
  });

  it("prints sign-ins as an aligned table", () => {
    const table = signInTable([
      { role: "Service administrator", email: "admin@example.org", password: "demo-platform-admin", partnership: null },
      { role: "Lead", email: "x.lead@example.org", password: "demo-x-lead", partnership: "X (fictional demo)" },
    ]).split("\n");
    expect(table).toHaveLength(3);
    expect(table[0]).toMatch(/^Role\s+Email\s+Password\s+Partnership$/);
    expect(table[2]!.indexOf("x.lead@")).toBe(table[1]!.indexOf("admin@"));
    expect(table[1]).toMatch(/ -$/);
  });
});
