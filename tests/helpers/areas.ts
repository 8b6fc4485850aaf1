import { type AreaInput, areaTypeOfCode, nationOfCode, tiersOfCode } from "../../src/data/geography/index.ts";

/** An area as the geography import would store it, its type, nation and tiers read from its code. */
export function areaFromCode(code: string, name: string): AreaInput {
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
