/**
 * The layout of the Northern Ireland Multiple Deprivation Measure 2017 results, as NISRA
 * publishes them — followed here: the "NIMDM 2017 - SOA" and "NIMDM 2017 - SA" CSVs on Open
 * Data NI (nimdm2017-soa.csv, nimdm2017-sa.csv) and the "MDM" sheet of the NISRA workbooks
 * (NIMDM17_SOAresults, NIMDM17_SA results), one row per area:
 *   LGD2014code, LGD2014name, [UR2015,] SOA2001 | SA2011, SOA2001name, MDM_rank,
 *   D1_Income_rank, Income_perc, D2_Empl_rank, Empl_perc, D3_Health_rank, P4_Education_rank,
 *   P5_Access_rank, D6_LivEnv_rank, D7_CD_rank
 * Headers are matched without case, spaces or underscores ("SOA2001_name", "MDM rank ",
 * "Income Domain Rank" all do), so the CSV and the workbook's wording both read. Ranks run from
 * 1 (most deprived) to the number of areas NISRA ranks: 890 SOAs, 4,537 Small Areas.
 */
import type { CsvTable } from "../csv-table.ts";

export type NimdmGeography = "soa" | "sa";

export interface NimdmMeasure {
  /** Header text as in the file. */
  column: string;
  /** mdm, income, employment … */
  domain: string;
  title: string;
  kind: "rank" | "percentage";
}

export interface NimdmLayout {
  geography: NimdmGeography;
  codeColumn: string;
  nameColumn: string | undefined;
  lgdCodeColumn: string | undefined;
  lgdNameColumn: string | undefined;
  measures: NimdmMeasure[];
  /** How many areas NISRA ranks at this geography: ranks run 1 … this, deciles are cut over it. */
  areaCount: number;
}

/** The numbers of areas ranked, as NISRA states them (NIMDM 2017 methodology). */
export const NIMDM_AREA_COUNTS: Record<NimdmGeography, number> = { soa: 890, sa: 4537 };

/** Header as a key: lower case, no spaces, underscores or punctuation ("SOA2001_name " → soa2001name). */
export const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const DOMAINS: { test: RegExp; domain: string; title: string }[] = [
  { test: /^mdm$|^multipledeprivationmeasure$/, domain: "mdm", title: "Multiple Deprivation Measure" },
  { test: /^income$/, domain: "income", title: "Income domain" },
  { test: /^empl(oyment)?$/, domain: "employment", title: "Employment domain" },
  {
    test: /^health(and)?(deprivation)?(and)?(disability)?$/,
    domain: "health",
    title: "Health Deprivation and Disability domain",
  },
  { test: /^education(skills(and)?training)?$/, domain: "education", title: "Education, Skills and Training domain" },
  { test: /^(access|proximity)(toservices)?$/, domain: "access", title: "Access to Services domain" },
  { test: /^livenv$|^livingenvironment$/, domain: "living-environment", title: "Living Environment domain" },
  { test: /^cd$|^crime(and)?(disorder)?$/, domain: "crime", title: "Crime and Disorder domain" },
];

/** "D1_Income_rank" → income; "MDM_rank" → mdm; "Income Domain Rank" → income. */
function rankDomain(key: string): (typeof DOMAINS)[number] | undefined {
  const m = /^(?:[dp]\d)?(.+?)(?:domain)?rank$/.exec(key);
  return m ? DOMAINS.find((d) => d.test.test(m[1]!)) : undefined;
}

/** "Income_perc" → income; "Empl_perc" → employment (share of the population deprived, as a percentage). */
function percentageDomain(key: string): (typeof DOMAINS)[number] | undefined {
  const m = /^(.+?)(?:perc|percent|percentage)$/.exec(key);
  return m && /^(income|empl(oyment)?)$/.test(m[1]!) ? DOMAINS.find((d) => d.test.test(m[1]!)) : undefined;
}

export function nimdmLayout(table: CsvTable): NimdmLayout | string {
  const byKey = new Map<string, string>();
  for (const header of table.header) if (!byKey.has(headerKey(header))) byKey.set(headerKey(header), header);
  const sa = byKey.get("sa2011");
  const soa = byKey.get("soa2001");
  const mdm = table.header.find((h) => rankDomain(headerKey(h))?.domain === "mdm");
  if ((!sa && !soa) || !mdm)
    return 'this is not a NIMDM results file this importer knows: expected an "SOA2001" or "SA2011" column and an "MDM_rank" column (the NISRA NIMDM 2017 SOA or Small Area results)';
  const geography: NimdmGeography = sa ? "sa" : "soa";
  const measures: NimdmMeasure[] = [];
  for (const column of table.header) {
    const key = headerKey(column);
    const ranked = rankDomain(key);
    const share = ranked ? undefined : percentageDomain(key);
    const found = ranked ?? share;
    if (!found || measures.some((m) => m.domain === found.domain && m.kind === (ranked ? "rank" : "percentage")))
      continue;
    measures.push({ column, domain: found.domain, title: found.title, kind: ranked ? "rank" : "percentage" });
  }
  return {
    geography,
    codeColumn: (sa ?? soa)!,
    nameColumn: geography === "sa" ? byKey.get("sa2011name") : (byKey.get("soa2001name") ?? byKey.get("soaname")),
    lgdCodeColumn: byKey.get("lgd2014code") ?? byKey.get("lgd2014cd") ?? byKey.get("lgd2014"),
    lgdNameColumn: byKey.get("lgd2014name") ?? byKey.get("lgd2014nm") ?? byKey.get("lgdname"),
    measures,
    areaCount: NIMDM_AREA_COUNTS[geography],
  };
}
