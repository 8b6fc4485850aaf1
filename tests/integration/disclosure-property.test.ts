/**
 * Disclosure control on every published output (issue 15), as a property: generated hierarchies
 * of areas and overlapping localities with generated counts go through each output path — the API
 * without a token and its CSV (publishedValues), localities (publishedLocalities, with the small
 * areas as published), reports' indicator tables and charts (and so their DOCX/PDF/XLSX exports,
 * drawn from the same blocks), consultation results (applyDisclosure with totals) — and an
 * attacker with its own linear algebra tries to work out a count of 1 to 9 from what is shown,
 * differencing included (parent − children, authority − locality, locality − locality).
 * Shown values are taken as exact (rounding is not relied on). No database: fast.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyDisclosure,
  type DisclosedCell,
  type IndicatorRow,
  type ObservationValue,
  publishedLocalities,
  publishedValues,
} from "../../src/data/indicators/index.ts";
import type { ReportData } from "../../src/cycle/reports/report-data.ts";
import { indicators as reportIndicators } from "../../src/cycle/reports/sections-evidence.ts";

const small = (n: number | null | undefined) => n !== null && n !== undefined && n > 0 && n <= 9;

/** Rank of a set of rows (Gaussian elimination with partial pivoting). */
function rank(rows: number[][]): number {
  const m = rows.map((row) => [...row]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let col = 0; col < width && r < m.length; col++) {
    let best = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![col]!) > Math.abs(m[best]![col]!)) best = i;
    if (Math.abs(m[best]![col]!) < 1e-9) continue;
    [m[r], m[best]] = [m[best]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i]![col]! / m[r]![col]!;
      for (let j = col; j < width; j++) m[i]![j]! -= factor * m[r]![j]!;
    }
    r++;
  }
  return r;
}

/** The attacker: a target combination of unknowns follows from the equations when adding it leaves the rank unchanged. */
function worksOut(equations: number[][], target: number[]): boolean {
  if (target.every((v) => v === 0)) return true;
  return rank([...equations, target]) === rank(equations);
}

// ---- Hierarchies: the API's pages (and CSV), one slice at a time ----

const hierarchy = fc.record({
  wards: fc.array(fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 4,
  }),
  sourceSuppressed: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
});

describe("disclosure on every published output (property)", () => {
  it("API without a token: no count of 1–9 shown or worked out from a parent and its children", () => {
    fc.assert(
      fc.property(hierarchy, ({ wards, sourceSuppressed }) => {
        // Area 0 the authority; wards 1..w; small areas after them, each linked to its ward and to the authority.
        const counts = new Map<number, number>();
        const links: { parentId: number; childId: number; childType: string }[] = [];
        let next = wards.length + 1;
        let total = 0;
        wards.forEach((lsoas, w) => {
          const wardId = w + 1;
          links.push({ parentId: 0, childId: wardId, childType: "ward" });
          let wardTotal = 0;
          for (const count of lsoas) {
            const id = next++;
            counts.set(id, count);
            links.push(
              { parentId: wardId, childId: id, childType: "lsoa" },
              { parentId: 0, childId: id, childType: "lsoa" },
            );
            wardTotal += count;
          }
          counts.set(wardId, wardTotal);
          total += wardTotal;
        });
        counts.set(0, total);
        const ids = [...counts.keys()];
        const atSource = new Set(ids.filter((id) => id > wards.length && sourceSuppressed[id % 16] && id % 3 === 0));
        const out = publishedValues(
          "small-count",
          "count",
          ids.map((id) => ({
            key: String(id),
            areaId: id,
            slice: "2024|0",
            value: counts.get(id)!,
            numerator: null,
            suppressedAtSource: atSource.has(id),
          })),
          links,
        );
        for (const id of ids) {
          const cell = out.get(String(id))!;
          if (cell.shown !== null) {
            expect(small(counts.get(id)), `area ${id} shown`).toBe(false);
            expect(cell.shown % 5).toBe(0);
          }
        }
        // Unknowns: every cell not shown. Equations: each parent = the sum of its children of one type.
        const unknown = ids.filter((id) => out.get(String(id))!.shown === null);
        const col = new Map(unknown.map((id, at) => [id, at]));
        const families = new Map<string, number[]>();
        for (const link of links)
          families.set(`${link.parentId}|${link.childType}`, [
            ...(families.get(`${link.parentId}|${link.childType}`) ?? []),
            link.childId,
          ]);
        const equations = [...families].map(([key, children]) => {
          const row = new Array<number>(unknown.length).fill(0);
          const parent = Number(key.split("|")[0]);
          if (col.has(parent)) row[col.get(parent)!] = 1;
          for (const child of children) if (col.has(child)) row[col.get(child)!] = -1;
          return row;
        });
        for (const id of unknown) {
          if (!small(counts.get(id))) continue;
          const target = new Array<number>(unknown.length).fill(0);
          target[col.get(id)!] = 1;
          expect(worksOut(equations, target), `area ${id} (${counts.get(id)}) worked out`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  // ---- Localities: overlapping and nested sets of an authority's small areas ----

  const authority = fc
    .record({
      counts: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 8 }),
      picks: fc.array(fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
      nestFirst: fc.boolean(),
    })
    .map(({ counts, picks, nestFirst }) => {
      const sets = picks
        .map((pick) => counts.map((_, i) => i + 1).filter((_id, i) => pick[i]))
        .filter((set) => set.length > 0);
      // Often one locality nested in another, the case differencing is easiest in.
      if (nestFirst && sets.length > 0 && sets[0]!.length > 1) sets.push(sets[0]!.slice(1));
      return { counts, localities: sets.map((areaIds, i) => ({ id: `loc-${i}`, areaIds })) };
    });

  it("localities: no count of 1–9 worked out from localities, their complements, overlaps and the small areas", () => {
    fc.assert(
      fc.property(authority, ({ counts, localities }) => {
        const areaIds = counts.map((_, i) => i + 1);
        const countOf = (id: number) => counts[id - 1]!;
        const total = counts.reduce((a, b) => a + b, 0);
        // The small areas as the small-area outputs publish them, with the authority as their total.
        const panel = publishedValues(
          "small-count",
          "count",
          [
            ...areaIds.map((id) => ({
              key: String(id),
              areaId: id,
              slice: "p",
              value: countOf(id),
              numerator: null,
              suppressedAtSource: false,
            })),
            { key: "0", areaId: 0, slice: "p", value: total, numerator: null, suppressedAtSource: false },
          ],
          areaIds.map((id) => ({ parentId: 0, childId: id, childType: "lsoa" })),
        );
        const shownArea = (id: number) => panel.get(String(id))!.shown !== null;
        const decided = publishedLocalities(
          "small-count",
          areaIds.map((id) => ({ areaId: id, count: countOf(id), shown: shownArea(id) })),
          localities,
        );
        const sum = (ids: number[]) => ids.reduce((a, id) => a + countOf(id), 0);
        for (const locality of localities) {
          const cell = decided.get(locality.id)!;
          if (cell.shown !== null) {
            expect(small(sum(locality.areaIds))).toBe(false);
            expect(cell.shown % 5).toBe(0);
          }
        }
        const unknown = areaIds.filter((id) => !shownArea(id));
        const vector = (ids: number[]) => unknown.map((id) => (ids.includes(id) ? 1 : 0));
        // The authority's total when the small-area output shows it; every locality figure shown.
        const equations = [
          ...(panel.get("0")!.shown !== null ? [vector(areaIds)] : []),
          ...localities.filter((l) => decided.get(l.id)!.shown !== null).map((l) => vector([...l.areaIds])),
        ];
        const cells: [string, number[]][] = areaIds.map((id) => [`small area ${id}`, [id]]);
        for (const [i, a] of localities.entries()) {
          cells.push([`rest of ${a.id}`, areaIds.filter((id) => !a.areaIds.includes(id))]);
          cells.push([a.id, [...a.areaIds]]);
          for (const b of localities.slice(i + 1)) {
            cells.push([`${a.id} not ${b.id}`, a.areaIds.filter((id) => !b.areaIds.includes(id))]);
            cells.push([`${b.id} not ${a.id}`, b.areaIds.filter((id) => !a.areaIds.includes(id))]);
            cells.push([`${a.id} and ${b.id}`, a.areaIds.filter((id) => b.areaIds.includes(id))]);
          }
        }
        for (const [name, ids] of cells) {
          if (!small(sum(ids))) continue;
          expect(worksOut(equations, vector(ids)), `${name} (${sum(ids)}) worked out`).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  // ---- Reports: the indicator table and charts of a published report (and its exports) ----

  it("reports: a small-count series shows no count of 1–9 in the table, the chart or its data table", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 30 }),
        async (series, baseline) => {
          const indicator = {
            slug: "local-count",
            title: "Local count",
            unit: "count",
            disclosureRule: "small-count",
            publisher: "Test",
            dataset: "",
          } as IndicatorRow;
          const values = series.map(
            (value, i) =>
              ({
                indicatorSlug: "local-count",
                periodCode: `${2020 + i}`,
                periodSortKey: i,
                breakdownId: 0,
                value,
                numerator: null,
                flags: 0,
              }) as unknown as ObservationValue,
          );
          const data = {
            partnership: { areaName: "Darlington", areaCode: "E06000005" },
            actions: [{ id: "a", reference: "A1", title: "Action" }],
            indicatorLinks: [
              {
                actionId: "a",
                indicatorRef: "local-count",
                label: "Local count",
                baseline,
                baselinePeriod: "2020",
                target: null,
                targetDate: null,
              },
            ],
            store: new Map([["local-count", { indicator, values }]]),
          } as unknown as ReportData;
          const section = await reportIndicators(data);
          const numbers: number[] = [];
          for (const block of section.blocks as { type: string; table?: { rows: string[][] } }[]) {
            if (block.type === "table")
              for (const row of block.table!.rows)
                for (const cell of [row[2]!, row[4]!.split(";")[0]!])
                  for (const match of cell.replace(/\(\d{4}[^)]*\)/g, "").matchAll(/\b\d[\d,]*\b/g))
                    numbers.push(Number(match[0].replace(/,/g, "")));
            if (block.type === "figure")
              for (const row of block.table!.rows)
                for (const cell of row.slice(1))
                  if (/^\d[\d,]*$/.test(cell.trim())) numbers.push(Number(cell.replace(/,/g, "")));
          }
          for (const n of numbers) {
            expect(small(n), `report shows ${n}`).toBe(false);
            expect(n % 5).toBe(0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  // ---- Consultation results: counts by audience with their total ----

  it("consultation results: no count of 1–9 shown or worked out from the total", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const keys = parts.map((_, i) => `audience-${i}`);
        const out: Map<string, DisclosedCell> = applyDisclosure(
          "small-count",
          [...parts.map((count, i) => ({ key: keys[i]!, count })), { key: "total", count: total }],
          [{ total: "total", parts: keys }],
        );
        const all = [...keys, "total"];
        const values = [...parts, total];
        const unknown = all.filter((key) => out.get(key)!.shown === null);
        const row = unknown.map((key) => (key === "total" ? 1 : -1));
        for (const [i, key] of all.entries()) {
          const cell = out.get(key)!;
          if (cell.shown !== null) expect(small(values[i])).toBe(false);
          else if (small(values[i]))
            expect(
              worksOut(
                [row],
                unknown.map((k) => (k === key ? 1 : 0)),
              ),
            ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
