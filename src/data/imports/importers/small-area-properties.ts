/**
 * Which properties of a small-area boundary file hold the code and the name, and which edition
 * of the geography it is: ONS files name them LSOA11CD / LSOA11NM, MSOA21CD / MSOA21NM …; the
 * Scottish Government's DataZone / Name (2011) and dzcode / dzname (2022), InterZone (2011).
 */
export interface SmallAreaColumns {
  code: string;
  name: string | null;
  /** 2011, 2021, 2022 …; null when the property names do not say. */
  vintage: number | null;
}

const ONS = /^(lsoa|msoa|dz|iz)(\d{2}|\d{4})_?(cd|code)$/i;

function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 4 ? n : 2000 + n;
}

export function smallAreaProperties(properties: Record<string, unknown>): SmallAreaColumns | null {
  const keys = Object.keys(properties);
  const find = (test: (key: string) => boolean) => keys.find(test) ?? null;
  const ons = find((key) => ONS.test(key));
  if (ons) {
    const [, prefix, digits, suffix] = ONS.exec(ons)!;
    const nameKey = suffix!.length === 2 ? `${prefix}${digits}nm` : `${prefix}${digits}_name`;
    return {
      code: ons,
      name: find((key) => key.toLowerCase() === nameKey.toLowerCase()),
      vintage: fullYear(digits!),
    };
  }
  const scottish2022 = find((key) => /^(dz|iz)code$/i.test(key));
  if (scottish2022)
    return {
      code: scottish2022,
      name: find((key) => key.toLowerCase() === scottish2022.toLowerCase().replace("code", "name")),
      vintage: 2022,
    };
  const scottish2011 = find((key) => /^(datazone|interzone)$/i.test(key));
  if (scottish2011) return { code: scottish2011, name: find((key) => /^name$/i.test(key)), vintage: 2011 };
  return null;
}
