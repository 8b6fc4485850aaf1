/**
 * Comparing small-area figures across editions of the geography (LSOA 2011 → 2021) only
 * through the ONS change file: groups of old and new areas that cover the same ground. An
 * unchanged area is a group of one and one; a split is one old and its new parts; a merger the
 * old parts and one new; a redrawn ("X") area joins every area it touches into one group, which
 * is compared only as a whole. Counts of a group are summed on each side; a group with a part
 * lacking a value is not compared.
 */
import type { SmallAreaChange } from "./changes-repository.ts";

export interface BestFitGroup {
  /** Codes of the earlier edition. */
  old: string[];
  /** Codes of the later edition covering the same ground. */
  new: string[];
  /** The change indicators involved (U, S, M, X). */
  changes: string[];
}

export function bestFitGroups(changes: readonly SmallAreaChange[]): BestFitGroup[] {
  // Union-find over "o:CODE" and "n:CODE": every change row joins its old and new area.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const c of changes) {
    parent.set(`o:${c.oldCode}`, parent.get(`o:${c.oldCode}`) ?? `o:${c.oldCode}`);
    parent.set(`n:${c.newCode}`, parent.get(`n:${c.newCode}`) ?? `n:${c.newCode}`);
    join(`o:${c.oldCode}`, `n:${c.newCode}`);
  }
  const groups = new Map<string, BestFitGroup>();
  for (const c of changes) {
    const root = find(`o:${c.oldCode}`);
    const group = groups.get(root) ?? { old: [], new: [], changes: [] };
    if (!group.old.includes(c.oldCode)) group.old.push(c.oldCode);
    if (!group.new.includes(c.newCode)) group.new.push(c.newCode);
    if (!group.changes.includes(c.change)) group.changes.push(c.change);
    groups.set(root, group);
  }
  return [...groups.values()].map((g) => ({ old: g.old.sort(), new: g.new.sort(), changes: g.changes.sort() }));
}
