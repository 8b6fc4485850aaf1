import { describe, expect, it } from "vitest";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { IndicatorRow } from "./repository.ts";
import { accessOf, filterVisible } from "./visibility.ts";

const row = (slug: string, partnershipId: string | null, disclosureRule: string) =>
  ({ slug, partnershipId, disclosureRule }) as IndicatorRow;
const actor = (isPlatformAdmin: boolean): Actor => ({
  userId: "u",
  email: "e@example.org",
  name: "E",
  organisationId: "o",
  isPlatformAdmin,
  coordinatorNations: ["england"],
  partnershipRoles: new Map(),
});
// National rows only: no partnership needs looking up, so no database is touched.
const noDb = {} as Executor;
const national = [row("open", null, "none"), row("small", null, "small-count")];

describe("indicator visibility", () => {
  it("calls only unowned published statistics open", () => {
    expect(accessOf({ partnershipId: null, disclosureRule: "none" })).toBe("open");
    expect(accessOf({ partnershipId: null, disclosureRule: "small-count" })).toBe("restricted");
    expect(accessOf({ partnershipId: "p", disclosureRule: "none" })).toBe("restricted");
  });

  it("shows open data to anyone, unowned small-count data to administrators only", async () => {
    const slugs = async (who: Actor | null) => (await filterVisible(noDb, who, national)).map((r) => r.slug);
    expect(await slugs(null)).toEqual(["open"]);
    expect(await slugs(actor(false))).toEqual(["open"]);
    expect(await slugs(actor(true))).toEqual(["open", "small"]);
  });

  it("shows a partnership's own data to nobody signed out", async () => {
    expect(await filterVisible(noDb, null, [row("own", "p", "none")])).toEqual([]);
  });
});
