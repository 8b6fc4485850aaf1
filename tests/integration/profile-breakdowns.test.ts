/**
 * Values by breakdown on the area profile: a partnership's own data imported through the tidy
 * importer with a breakdown column (family type, age), shown as a chart and table per dimension
 * in its latest period, under the indicator's disclosure rule; hidden from other partnerships.
 */
import { expect } from "vitest";
import { insertMissingAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { profileSchema } from "../../src/data/api/schemas.ts";
import { bearer, createTokenAs } from "../helpers/api-data.ts";
import { areaInputs } from "../helpers/areas.ts";

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

/** The table whose caption starts with `caption`: its rows as [header, cell] pairs. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`>${caption}`);
  expect(start, caption).toBeGreaterThan(0);
  const body = html.slice(start, html.indexOf("</table>", start));
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.trim()))
    .filter((cells) => cells.length === 2 && !cells[0]!.startsWith("Family") && !cells[0]!.startsWith("Age"));
}

test("shows values by family type and by age with their period and source, small counts withheld, to the owning partnership only", async ({
  app,
  db,
  signIn,
  fixtures,
}) => {
  await insertMissingAreas(db, areaInputs("E06000005:Darlington"));
  const org = await fixtures.organisation("Darlington Council");
  const own = await fixtures.partnership("Darlington Breakdown Partnership", "england", "E06000005", "Darlington");
  const other = await fixtures.partnership("Another Darlington Partnership", "england", "E06000005", "Darlington");
  await fixtures.user("breakdowns@example.org", org.id, { roles: [[own.id, "editor"]] });
  await fixtures.user("other-breakdowns@example.org", org.id, { roles: [[other.id, "viewer"]] });
  const csv = [
    "area_code,period,indicator,measure,value,numerator,denominator,breakdown",
    "E06000005,2021,Parcels to families,count,1400,,,",
    "E06000005,2021,Parcels to families,count,900,,,Family type: Lone parent",
    "E06000005,2022,Parcels to families,count,1500,,,",
    "E06000005,2022,Parcels to families,count,1000,,,Family type: Lone parent",
    "E06000005,2022,Parcels to families,count,493,,,Family type: Couple",
    "E06000005,2022,Parcels to families,count,7,,,Family type: Other",
    "E06000005,2022,Children in families helped,percentage,12.5,250,2000,",
    "E06000005,2022,Children in families helped,percentage,15.0,120,800,Age: 0-4",
    "E06000005,2022,Children in families helped,percentage,11.0,110,1000,Age: 5-10",
    "E06000005,2022,Children in families helped,percentage,10.0,20,200,Age: 11-15",
  ].join("\n");
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes("parcels.csv", Buffer.from(csv)),
    options: { publisher: "Darlington Foodbank Network", dataset: "Parcels", disclosure: "small-count" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "breakdown-test" },
    partnershipId: own.id,
  });
  expect(report.errors).toEqual([]);

  const reader = await signIn("breakdowns@example.org");
  const html = decode((await reader.get(`/partnerships/${own.id}/profile`)).body);
  expect(html).toContain("data-breakdown>Parcels to families (count) by family type, Darlington, 2022");
  // Counts: 7 is withheld, and one more cell so it cannot be worked out from the total; others rounded to 5.
  const family = tableRows(
    html,
    "Parcels to families (count) by family type, Darlington, 2022. Source: Darlington Foodbank Network, Parcels",
  );
  expect(family.map((r) => r[0])).toEqual(["Couple", "Lone parent", "Other", "All"]);
  expect(family.find((r) => r[0] === "Other")![1]).toBe("[c]");
  expect(family.filter((r) => r[1] === "[c]").length).toBe(2);
  expect(family.flat()).not.toContain("7");
  expect(family.flat()).not.toContain("493");
  // Percentages: shown as published once their numerators pass the rule; the age groups in numeric order.
  const age = tableRows(html, "Children in families helped (percentage) by age, Darlington, 2022");
  expect(age).toEqual([
    ["0-4", "15.0%"],
    ["5-10", "11.0%"],
    ["11-15", "10.0%"],
    ["All", "12.5%"],
  ]);
  expect(html).toMatch(/by age, Darlington[\s\S]*?<svg/);

  // The needs-assessment panel of the same indicator shows the same breakdown, chart and table, same rule.
  const needs = `/partnerships/${own.id}/needs-assessment`;
  const added = await reader.post(`${needs}/sections/financial-support/panels/new`, {
    indicatorSlug: "parcels-to-families-count",
    areaCode: "",
  });
  expect(added.statusCode).toBe(303);
  const page = decode((await reader.get(needs)).body);
  expect(page).toContain("data-panel-breakdown>Parcels to families (count) by family type, Darlington, 2022");
  const panelFamily = tableRows(
    page,
    "Parcels to families (count) by family type, Darlington, 2022. Source: Darlington Foodbank Network, Parcels",
  );
  expect(panelFamily).toEqual(family);
  expect(page).toMatch(/data-panel-breakdown>Parcels to families[\s\S]*?<svg/);

  const outsider = await signIn("other-breakdowns@example.org");
  const theirs = decode((await outsider.get(`/partnerships/${other.id}/profile`)).body);
  expect(theirs).not.toContain("Parcels to families");

  // The API's area profile: the same breakdown, same rule, to whoever may read the indicator.
  const api = async (headers: Record<string, string> = {}) => {
    const response = await app.inject({ method: "GET", url: "/api/v1/areas/E06000005/profile", headers });
    expect(response.statusCode).toBe(200);
    return profileSchema.parse(response.json());
  };
  const parcels = (await api(bearer(await createTokenAs(reader, "breakdowns")))).indicators.find(
    (p) => p.indicator.id === "parcels-to-families-count",
  )!;
  const byFamily = parcels.breakdowns.find((b) => b.dimension.toLowerCase() === "family type")!;
  expect(byFamily).toMatchObject({ period: { code: "2022" }, disclosureRule: "small-count" });
  const shownAs = (value: number | null, suppressed: boolean) => (suppressed ? "[c]" : String(value));
  expect(
    [...byFamily.values, { label: "All", ...byFamily.total! }].map((c) => [c.label, shownAs(c.value, c.suppressed)]),
  ).toEqual(family.map(([label, cell]) => [label, cell!.replace(/,/g, "")]));
  expect(JSON.stringify(byFamily)).not.toMatch(/\b(7|493)\b/);
  const ages = (await api(bearer(await createTokenAs(reader, "ages")))).indicators.find(
    (p) => p.indicator.id === "children-in-families-helped-percentage",
  )!.breakdowns[0]!;
  expect(ages.values.map((c) => [c.label, c.value])).toEqual([
    ["0-4", 15],
    ["5-10", 11],
    ["11-15", 10],
  ]);
  // Without a token, or with another partnership's person's, the partnership's data is not in the profile at all.
  const anonymous = await api();
  expect(anonymous.indicators.map((p) => p.indicator.id)).not.toContain("parcels-to-families-count");
  const theirsApi = await api(bearer(await createTokenAs(outsider, "outsider")));
  expect(theirsApi.indicators.map((p) => p.indicator.id)).not.toContain("parcels-to-families-count");
}, 180_000);
