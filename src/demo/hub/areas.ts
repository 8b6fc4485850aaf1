import type { Nation } from "../../kernel/auth/policy.ts";

/**
 * The 32 Scottish council areas with their GSS codes and the health board each reports with
 * (current codes; public geography facts, no data file copied). Dundee City is the demo's full
 * partnership (seed/demo-data.ts); the others get lighter records (nation.ts).
 */
export const scottishCouncils: { name: string; code: string; board: string; boardCode: string }[] = [
  { name: "Aberdeen City", code: "S12000033", board: "Grampian", boardCode: "S08000020" },
  { name: "Aberdeenshire", code: "S12000034", board: "Grampian", boardCode: "S08000020" },
  { name: "Angus", code: "S12000041", board: "Tayside", boardCode: "S08000030" },
  { name: "Argyll and Bute", code: "S12000035", board: "Highland", boardCode: "S08000022" },
  { name: "City of Edinburgh", code: "S12000036", board: "Lothian", boardCode: "S08000024" },
  { name: "Clackmannanshire", code: "S12000005", board: "Forth Valley", boardCode: "S08000019" },
  { name: "Dumfries and Galloway", code: "S12000006", board: "Dumfries and Galloway", boardCode: "S08000017" },
  { name: "Dundee City", code: "S12000042", board: "Tayside", boardCode: "S08000030" },
  { name: "East Ayrshire", code: "S12000008", board: "Ayrshire and Arran", boardCode: "S08000015" },
  { name: "East Dunbartonshire", code: "S12000045", board: "Greater Glasgow and Clyde", boardCode: "S08000031" },
  { name: "East Lothian", code: "S12000010", board: "Lothian", boardCode: "S08000024" },
  { name: "East Renfrewshire", code: "S12000011", board: "Greater Glasgow and Clyde", boardCode: "S08000031" },
  { name: "Falkirk", code: "S12000014", board: "Forth Valley", boardCode: "S08000019" },
  { name: "Fife", code: "S12000047", board: "Fife", boardCode: "S08000029" },
  { name: "Glasgow City", code: "S12000049", board: "Greater Glasgow and Clyde", boardCode: "S08000031" },
  { name: "Highland", code: "S12000017", board: "Highland", boardCode: "S08000022" },
  { name: "Inverclyde", code: "S12000018", board: "Greater Glasgow and Clyde", boardCode: "S08000031" },
  { name: "Midlothian", code: "S12000019", board: "Lothian", boardCode: "S08000024" },
  { name: "Moray", code: "S12000020", board: "Grampian", boardCode: "S08000020" },
  { name: "Na h-Eileanan Siar", code: "S12000013", board: "Western Isles", boardCode: "S08000028" },
  { name: "North Ayrshire", code: "S12000021", board: "Ayrshire and Arran", boardCode: "S08000015" },
  { name: "North Lanarkshire", code: "S12000050", board: "Lanarkshire", boardCode: "S08000032" },
  { name: "Orkney Islands", code: "S12000023", board: "Orkney", boardCode: "S08000025" },
  { name: "Perth and Kinross", code: "S12000048", board: "Tayside", boardCode: "S08000030" },
  { name: "Renfrewshire", code: "S12000038", board: "Greater Glasgow and Clyde", boardCode: "S08000031" },
  { name: "Scottish Borders", code: "S12000026", board: "Borders", boardCode: "S08000016" },
  { name: "Shetland Islands", code: "S12000027", board: "Shetland", boardCode: "S08000026" },
  { name: "South Ayrshire", code: "S12000028", board: "Ayrshire and Arran", boardCode: "S08000015" },
  { name: "South Lanarkshire", code: "S12000029", board: "Lanarkshire", boardCode: "S08000032" },
  { name: "Stirling", code: "S12000030", board: "Forth Valley", boardCode: "S08000019" },
  { name: "West Dunbartonshire", code: "S12000039", board: "Greater Glasgow and Clyde", boardCode: "S08000031" },
  { name: "West Lothian", code: "S12000040", board: "Lothian", boardCode: "S08000024" },
];

/** A second partnership in England and in Wales, so those coordinators' views are not a single row. */
export const otherLightAreas: { name: string; code: string; nation: Nation; partner: string; partnerType: string }[] = [
  {
    name: "Gateshead",
    code: "E08000037",
    nation: "england",
    partner: "North East and North Cumbria ICB",
    partnerType: "health-board",
  },
  {
    name: "Cardiff",
    code: "W06000015",
    nation: "wales",
    partner: "Cardiff and Vale University Health Board",
    partnerType: "health-board",
  },
];

export const lightPartnershipName = (area: string) => `${area} Child Poverty Partnership (fictional demo)`;
