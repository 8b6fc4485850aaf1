import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { findUserByEmail } from "../../workspace/access/index.ts";
import { findPartnershipByName } from "../../workspace/partnerships/index.ts";
import { actionChoices, loadPlan } from "../../cycle/actions/index.ts";
import { citeEntry, proposeCaseStudy, saveEntry } from "../../national/practice/index.ts";
import { type DemoEntry, scottishEntries } from "./library-entries.ts";
import { otherEntries } from "./library-entries-uk.ts";

const demoEntries = [...scottishEntries, ...otherEntries];

function body(entry: DemoEntry): string {
  return `<h2>What they did</h2><p>${entry.did}</p><h2>What changed</h2><p>${entry.changed}</p><p><em>Fictional demonstration entry.</em></p>`;
}

/**
 * The library: the entries above, Dundee's actions citing some of them ("areas doing this"),
 * and one of Dundee's actions proposed as a case study for the coordinator to review.
 */
export async function seedLibrary(db: Db, audit: AuditContext): Promise<void> {
  const saved: string[] = [];
  for (const entry of demoEntries) {
    const row = await saveEntry(db, audit, null, {
      kind: entry.kind,
      title: entry.title,
      summary: entry.summary,
      body: body(entry),
      source: "Fictional demo source",
      sourceUrl: "",
      drivers: entry.drivers ?? [],
      buildingBlocks: entry.blocks ?? [],
      familyTypes: entry.families ?? [],
      supportTypes: entry.types ?? [],
      settings: entry.settings ?? [],
      evidenceLevel: entry.level,
      costBand: entry.cost,
      nation: entry.nation,
      visibility: entry.public ? "public" : "signed-in",
      status: "published",
    });
    saved.push(row.id);
  }
  const dundee = await findPartnershipByName(db, "Dundee Child Poverty Partnership (fictional demo)");
  if (!dundee) return;
  const choices = await actionChoices(db, dundee.id);
  const cited: [number, number][] = [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 6],
    [4, 16],
  ];
  for (const [actionIndex, entryIndex] of cited) {
    const action = choices[actionIndex];
    if (action)
      await citeEntry(db, audit, { partnershipId: dundee.id, actionId: action.id, entryId: saved[entryIndex]! });
  }
  const proposed = choices[5];
  const lead = await findUserByEmail(db, "dundee.lead@example.org");
  if (proposed && lead) {
    // The action's own tags (drivers, family types) go with the proposal.
    const action = (await loadPlan(db, dundee.id)).items.find((item) => item.id === proposed.id);
    await proposeCaseStudy(db, audit, {
      partnership: dundee,
      action: action!,
      author: { userId: lead.id, name: lead.name },
      form: {
        title: `${proposed.title}: our experience`,
        summary: "What we did, who it reached and what we learned (fictional).",
        body: "We began with a pilot in two neighbourhoods and extended it after six months.\n\nFamilies told us the service was easy to reach.",
      },
    });
  }
}
