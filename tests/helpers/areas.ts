import { type AreaInput, areaTypeOfCode, nationOfCode, tiersOfCode } from "../../src/data/geography/index.ts";

/** An area as the geography stores it, its type, nation and tiers read from the GSS code. */
export function areaInput(code: string, name: string): AreaInput {
  return {
    code,
    name,
    type: areaTypeOfCode(code)!,
    nation: nationOfCode(code),
    ...tiersOfCode(code),
    startYear: null,
    endYear: null,
  };
}

/** Areas from "code:name" pairs, e.g. areaInputs("E06000005:Darlington", "E06000001:Hartlepool"). */
export function areaInputs(...pairs: string[]): AreaInput[] {
  return pairs.map((pair) => {
    const [code, name] = pair.split(":") as [string, string];
    return areaInput(code, name);
  });
}
