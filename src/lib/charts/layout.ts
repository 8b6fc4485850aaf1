import { joinNonEmpty } from "./format.ts";
import { escapeXml } from "./svg.ts";
import { FONT_FAMILY, SECONDARY_TEXT, TEXT_COLOUR } from "./theme.ts";

/** Title and subtitle drawn as ECharts title components; returns the space they use. */
export function headerOption(input: { title: string; subtitle?: string; source?: string; displayTitle: boolean }): {
  title: Record<string, unknown>[];
  height: number;
} {
  const subtitle = joinNonEmpty([input.subtitle, input.source ? `Source: ${input.source}` : undefined], ". ");
  const titles: Record<string, unknown>[] = [];
  let y = 10;
  if (input.displayTitle) {
    titles.push({
      text: input.title,
      left: 12,
      top: y,
      textStyle: {
        fontFamily: FONT_FAMILY,
        fontSize: 17,
        fontWeight: "bold",
        color: TEXT_COLOUR,
        width: 600,
        overflow: "break",
      },
    });
    y += 26;
  }
  if (subtitle) {
    titles.push({
      text: subtitle,
      left: 12,
      top: y,
      textStyle: {
        fontFamily: FONT_FAMILY,
        fontSize: 13,
        fontWeight: "normal",
        color: SECONDARY_TEXT,
        width: 610,
        overflow: "break",
        lineHeight: 17,
      },
    });
    // Rough wrap estimate: Arial 13px averages ~6.5px per character.
    y += 17 * Math.max(1, Math.ceil((subtitle.length * 6.5) / 610));
  }
  return { title: titles, height: y + 6 };
}

export function legendOption(top: number, names: string[]): Record<string, unknown> {
  return {
    top,
    left: 12,
    data: names,
    itemWidth: 22,
    itemHeight: 12,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 13, color: TEXT_COLOUR },
  };
}

export { escapeXml };
